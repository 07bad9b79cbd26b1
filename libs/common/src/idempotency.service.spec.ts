import { stableJson } from './idempotency.service.js';

describe(stableJson.name, () => {
  it('is the same whatever the order of keys, at every depth', () => {
    expect(stableJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: 3 } })).toBe(
      stableJson({ a: { c: 3, d: [2, { e: 2, f: 1 }] }, b: 1 }),
    );
  });

  it('tells different inputs apart, array order included', () => {
    expect(stableJson({ a: [1, 2] })).not.toBe(stableJson({ a: [2, 1] }));
    expect(stableJson({ a: 1 })).not.toBe(stableJson({ a: '1' }));
  });
});
