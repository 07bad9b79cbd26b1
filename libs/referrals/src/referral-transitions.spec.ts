import {
  canMove,
  canOverride,
  CLOSABLE_STATES,
  isOpen,
  OVERRIDES,
  TRANSITIONS,
  WAITING_STATES,
} from './referral-transitions.js';
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

  it('cancels only a draft or a referral waiting on the service', () => {
    const cancellable = Object.values(S).filter((from) => canMove(from, S.CANCELLED));
    expect(cancellable.sort()).toEqual([S.DRAFT, ...WAITING_STATES].sort());
  });

  describe('overrides', () => {
    it('never leave a final state or a draft, never make a draft', () => {
      expect(OVERRIDES[S.CLOSED]).toEqual([]);
      expect(OVERRIDES[S.CANCELLED]).toEqual([]);
      expect(OVERRIDES[S.DRAFT]).toEqual([]);
      expect(Object.values(S).filter((from) => canOverride(from, S.DRAFT))).toEqual([]);
    });

    it("never set the service's own states", () => {
      for (const to of [S.ACCEPTED, S.SCHEDULED, S.REJECTED]) {
        expect([to, Object.values(S).filter((from) => canOverride(from, to))]).toEqual([to, []]);
      }
    });

    it('send again only a rejected referral', () => {
      expect(Object.values(S).filter((from) => canOverride(from, S.SENT))).toEqual([S.REJECTED]);
    });

    it('close only from the closable states, cancel only what waits on the service', () => {
      const closing = Object.values(S).filter((from) => canOverride(from, S.CLOSED));
      expect(closing.sort()).toEqual([...CLOSABLE_STATES].sort());
      const cancelling = Object.values(S).filter((from) => canOverride(from, S.CANCELLED));
      expect(cancelling.sort()).toEqual([...WAITING_STATES].sort());
    });

    it.each([
      [S.CANCELLED, S.SENT],
      [S.CLOSED, S.SENT],
      [S.SENT, S.CLOSED],
      [S.SCHEDULED, S.CLOSED],
      [S.SENT, S.ACCEPTED],
      [S.SENT, S.SCHEDULED],
      [S.DRAFT, S.SENT],
      [S.CANCELLED, S.COMPLETED],
    ])('refuses %s -> %s', (from, to) => {
      expect(canOverride(from, to)).toBe(false);
    });
  });
});
