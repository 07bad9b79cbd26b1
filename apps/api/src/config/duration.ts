const UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "250ms", "90s", "30m", "12h", "2d", or a plain number of seconds; null when it is none of those. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|[smhd]?)\s*$/.exec(text);
  if (!match) {
    return null;
  }
  const unit = (match[2] || 's') as keyof typeof UNITS_MS;
  return Number(match[1]) * UNITS_MS[unit];
}
