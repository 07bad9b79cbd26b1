import { describe, expect, it } from '@jest/globals';
import { match } from './router.js';

describe(match.name, () => {
  it('gives the named segments of a matching path', () => {
    expect(match('/shelters/:shelterId/board', '/shelters/7/board')).toEqual({ shelterId: '7' });
    expect(match('/', '/')).toEqual({});
    expect(match('/residents/:id', '/residents/a%20b')).toEqual({ id: 'a b' });
  });

  it('gives null for another shape or another literal segment', () => {
    expect(match('/shelters/:shelterId/board', '/shelters/7')).toBeNull();
    expect(match('/shelters/:shelterId/board', '/shelters/7/gate')).toBeNull();
    expect(match('/residents/:id', '/residents/%E0%A4%A')).toBeNull();
  });
});
