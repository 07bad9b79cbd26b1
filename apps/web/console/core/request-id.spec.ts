import { describe, expect, it } from '@jest/globals';
import { newRequestId } from './request-id.js';

describe(newRequestId.name, () => {
  it('makes a version 4 UUID, as the API expects of a requestId', () => {
    const id = newRequestId((bytes) => bytes.fill(0xff));
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newRequestId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('makes a new one each time', () => {
    expect(newRequestId()).not.toBe(newRequestId());
  });
});
