/** What figures are about: the whole network, one borough (a catalogue code) or one shelter. */
export type Scope =
  { kind: 'network' } | { kind: 'borough'; code: string } | { kind: 'shelter'; id: string };

/** A scope as the picker's value and the address write it: network, borough:code, shelter:id. */
export function scopeValue(scope: Scope): string {
  return scope.kind === 'network'
    ? 'network'
    : scope.kind === 'borough'
      ? `borough:${scope.code}`
      : `shelter:${scope.id}`;
}

export function parseScope(value: string | null): Scope {
  const [kind, rest] = [value?.split(':')[0], value?.slice(value.indexOf(':') + 1)];
  if (kind === 'borough' && rest) {
    return { kind, code: rest };
  }
  if (kind === 'shelter' && rest) {
    return { kind, id: rest };
  }
  return { kind: 'network' };
}

/** The longest ranges the API reads: networkFigures a quarter, dailyFigures a year and a day. */
export const MAX_DAYS_AFTER = { network: 91, borough: 91, shelter: 366 } as const;

/** Days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/**
 * Why a range cannot be asked for, or null: the API's own limits, said before it refuses. Other
 * readings than networkFigures and dailyFigures name their own limit (`maxDaysAfter`).
 */
export function rangeProblem(
  scope: Scope,
  from: string,
  to: string,
  maxDaysAfter: number = MAX_DAYS_AFTER[scope.kind],
): 'figures.range.missing' | 'figures.range.backwards' | 'figures.range.tooLong' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) {
    return 'figures.range.missing';
  }
  const days = daysBetween(from, to);
  if (days < 0) {
    return 'figures.range.backwards';
  }
  return days > maxDaysAfter ? 'figures.range.tooLong' : null;
}
