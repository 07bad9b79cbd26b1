import { describe, expect, it } from '@jest/globals';
import { byHold, holdState } from './hold-state.js';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const place = (over: Record<string, unknown>) => ({
  id: 'p',
  shelterId: 's',
  startedAt: '2026-11-29T10:00:00Z',
  ...over,
});

describe(holdState.name, () => {
  it('tells waiting, lapsed, arrived, declined and cancelled apart', () => {
    expect(holdState([place({ expiresAt: '2026-11-29T13:00:00Z' })], NOW)).toBe('waiting');
    expect(holdState([place({ expiresAt: '2026-11-29T11:00:00Z' })], NOW)).toBe('lapsed');
    const ended = (endReason: string) => [place({ endedAt: '2026-11-29T11:00:00Z', endReason })];
    expect(holdState(ended('CHECKED_IN'), NOW)).toBe('arrived');
    expect(holdState(ended('DECLINED'), NOW)).toBe('declined');
    expect(holdState(ended('EXPIRED'), NOW)).toBe('lapsed');
    expect(holdState(ended('CANCELLED'), NOW)).toBe('cancelled');
  });

  it('groups the places of one hold', () => {
    const groups = byHold(
      [
        place({ id: '1', holdId: 'a', expiresAt: '2026-11-29T13:00:00Z' }),
        place({ id: '2', holdId: 'b', endedAt: 'x', endReason: 'DECLINED' }),
        place({ id: '3', holdId: 'a', expiresAt: '2026-11-29T13:00:00Z' }),
      ],
      NOW,
    );
    expect(groups.map((group) => [group.holdId, group.places.length, group.state])).toEqual([
      ['a', 2, 'waiting'],
      ['b', 1, 'declined'],
    ]);
  });
});
