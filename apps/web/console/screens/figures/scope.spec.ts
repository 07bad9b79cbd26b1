import { describe, expect, it } from '@jest/globals';
import { daysBetween, parseScope, rangeProblem, scopeValue } from './scope.js';

describe('figures scope and range', () => {
  it('writes and reads a scope back', () => {
    for (const scope of [
      { kind: 'network' },
      { kind: 'borough', code: 'cdmx-iztapalapa' },
      { kind: 'shelter', id: '6f1c1c1e-0000-4000-8000-000000000000' },
    ] as const) {
      expect(parseScope(scopeValue(scope))).toEqual(scope);
    }
    expect(parseScope(null)).toEqual({ kind: 'network' });
    expect(parseScope('borough:')).toEqual({ kind: 'network' });
  });

  it('says what the API would refuse before asking it', () => {
    const network = { kind: 'network' } as const;
    const shelter = { kind: 'shelter', id: 'x' } as const;
    expect(daysBetween('2026-01-01', '2026-04-01')).toBe(90);
    expect(rangeProblem(network, '2026-01-01', '2026-04-02')).toBeNull();
    expect(rangeProblem(network, '2026-01-01', '2026-04-03')).toBe('figures.range.tooLong');
    expect(rangeProblem(shelter, '2025-01-01', '2026-01-02')).toBeNull();
    expect(rangeProblem(shelter, '2025-01-01', '2026-01-03')).toBe('figures.range.tooLong');
    expect(rangeProblem(network, '2026-01-02', '2026-01-01')).toBe('figures.range.backwards');
    expect(rangeProblem(network, '', '2026-01-01')).toBe('figures.range.missing');
  });
});
