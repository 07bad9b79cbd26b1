import { canMove, CLOSABLE_STATES, isOpen, TRANSITIONS } from './referral-transitions.js';
import { ReferralState as S } from './referrals.enums.js';

describe('referral transitions', () => {
  const allowed: [S, S][] = [
    [S.DRAFT, S.SENT],
    [S.DRAFT, S.CANCELLED],
    [S.SENT, S.ACCEPTED],
    [S.SENT, S.REJECTED],
    [S.SENT, S.CANCELLED],
    [S.ACCEPTED, S.SCHEDULED],
    [S.ACCEPTED, S.NOT_COMPLETED],
    [S.ACCEPTED, S.CANCELLED],
    [S.SCHEDULED, S.SCHEDULED],
    [S.SCHEDULED, S.COMPLETED],
    [S.SCHEDULED, S.NOT_COMPLETED],
    [S.SCHEDULED, S.CANCELLED],
    [S.NOT_COMPLETED, S.SCHEDULED],
    [S.NOT_COMPLETED, S.CLOSED],
    [S.COMPLETED, S.CLOSED],
    [S.REJECTED, S.CLOSED],
  ];

  it('allows exactly the listed moves', () => {
    const all = Object.values(S);
    const listed = new Set(allowed.map(([from, to]) => `${from}>${to}`));
    for (const from of all) {
      for (const to of all) {
        expect([`${from}>${to}`, canMove(from, to)]).toEqual([
          `${from}>${to}`,
          listed.has(`${from}>${to}`),
        ]);
      }
    }
  });

  it.each([
    [S.DRAFT, S.ACCEPTED],
    [S.SENT, S.SCHEDULED],
    [S.SENT, S.CLOSED],
    [S.ACCEPTED, S.CLOSED],
    [S.SCHEDULED, S.CLOSED],
    [S.CLOSED, S.SENT],
    [S.CANCELLED, S.SENT],
    [S.COMPLETED, S.SCHEDULED],
  ])('refuses %s -> %s', (from, to) => {
    expect(canMove(from, to)).toBe(false);
  });

  it('closes only with an outcome, a not-completed reason or a rejection', () => {
    const closingFrom = Object.values(S).filter((from) => TRANSITIONS[from].includes(S.CLOSED));
    expect(closingFrom.sort()).toEqual([...CLOSABLE_STATES].sort());
  });

  it('closed and cancelled are final; the rest is open but rejected and completed', () => {
    expect(TRANSITIONS[S.CLOSED]).toEqual([]);
    expect(TRANSITIONS[S.CANCELLED]).toEqual([]);
    expect(Object.values(S).filter(isOpen).sort()).toEqual(
      [S.DRAFT, S.SENT, S.ACCEPTED, S.SCHEDULED, S.NOT_COMPLETED].sort(),
    );
  });
});
