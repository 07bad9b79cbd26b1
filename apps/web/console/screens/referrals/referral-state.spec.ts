import { describe, expect, it } from '@jest/globals';
import {
  byUrgencyOfFollowUp,
  defaultVisitEnd,
  detailWords,
  isOurs,
  isOverdue,
  mayCancel,
  mayClose,
  mayCloseMovedOn,
  nextDate,
  OwnActs,
  producedVersion,
  Versions,
} from './referral-state.js';

const NOW = Date.parse('2026-11-29T15:00:00Z');
const past = '2026-11-29T14:00:00Z';
const future = '2026-11-29T18:00:00Z';

describe('isOverdue', () => {
  it('is a sent referral whose answer time has passed', () => {
    expect(isOverdue({ state: 'SENT', answerDueAt: past }, NOW)).toBe(true);
    expect(isOverdue({ state: 'SENT', answerDueAt: future }, NOW)).toBe(false);
  });

  it('is never an answered one, nor an emergency (no answer owed)', () => {
    expect(isOverdue({ state: 'ACCEPTED', answerDueAt: past }, NOW)).toBe(false);
    expect(isOverdue({ state: 'SENT', answerDueAt: null }, NOW)).toBe(false);
    // A coordinator's or volunteer's reading without a state is never called overdue.
    expect(isOverdue({ state: null, answerDueAt: past }, NOW)).toBe(false);
  });
});

describe('nextDate', () => {
  it('counts down to the answer while sent, to the appointment once scheduled', () => {
    expect(nextDate({ state: 'SENT', answerDueAt: future })).toEqual({
      kind: 'answer',
      at: future,
    });
    expect(nextDate({ state: 'SCHEDULED', scheduledFor: future, answerDueAt: past })).toEqual({
      kind: 'appointment',
      at: future,
    });
    expect(nextDate({ state: 'ACCEPTED', answerDueAt: past })).toBeNull();
    expect(nextDate({ state: 'CLOSED', scheduledFor: future })).toBeNull();
  });
});

describe('the referrer’s acts by state', () => {
  const states = [
    'DRAFT',
    'SENT',
    'ACCEPTED',
    'REJECTED',
    'SCHEDULED',
    'COMPLETED',
    'NOT_COMPLETED',
    'CLOSED',
    'CANCELLED',
  ];
  it('cancels a draft or one waiting on the service', () => {
    expect(states.filter(mayCancel)).toEqual(['DRAFT', 'SENT', 'ACCEPTED', 'SCHEDULED']);
  });
  it('closes only with an outcome, a not-completed reason or a rejection', () => {
    expect(states.filter(mayClose)).toEqual(['REJECTED', 'COMPLETED', 'NOT_COMPLETED']);
  });
  it('closes as moved on while open', () => {
    expect(states.filter(mayCloseMovedOn)).toEqual([
      'DRAFT',
      'SENT',
      'ACCEPTED',
      'SCHEDULED',
      'NOT_COMPLETED',
    ]);
  });
  it('offers nothing to a reading without a state', () => {
    expect([mayCancel(null), mayClose(undefined), mayCloseMovedOn(null)]).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('byUrgencyOfFollowUp', () => {
  it('puts the overdue first, then the soonest countdown, then the rest in their order', () => {
    const list = [
      { id: 'closed', state: 'CLOSED' },
      { id: 'later', state: 'SCHEDULED', scheduledFor: '2026-11-30T10:00:00Z' },
      { id: 'soon', state: 'SENT', answerDueAt: future },
      { id: 'late', state: 'SENT', answerDueAt: past },
      { id: 'accepted', state: 'ACCEPTED' },
    ];
    expect(byUrgencyOfFollowUp(list, NOW).map((each) => each.id)).toEqual([
      'late',
      'soon',
      'later',
      'closed',
      'accepted',
    ]);
  });
});

describe(Versions.name, () => {
  it('takes a notice only when newer than anything seen of that referral', () => {
    const versions = new Versions();
    versions.saw([{ id: 'a', version: 2 }]);
    expect(versions.isNews({ id: 'a', version: 2 })).toBe(false);
    expect(versions.isNews({ id: 'a', version: 1 })).toBe(false);
    expect(versions.isNews({ id: 'a', version: 3 })).toBe(true);
    // The same notice again (an instance catching up): already seen.
    expect(versions.isNews({ id: 'a', version: 3 })).toBe(false);
    // A referral not in the list yet (made a second ago): news.
    expect(versions.isNews({ id: 'b', version: 1 })).toBe(true);
  });

  it('keeps the highest of a read and a notice', () => {
    const versions = new Versions();
    expect(versions.isNews({ id: 'a', version: 4 })).toBe(true);
    versions.saw([{ id: 'a', version: 3 }]);
    expect(versions.isNews({ id: 'a', version: 4 })).toBe(false);
  });
});

describe('detailWords', () => {
  it('splits the API’s words and keeps an unknown one as written', () => {
    expect(detailWords('created:bed_not_affected')).toEqual(['created', 'bed_not_affected']);
    expect(detailWords('capacity_override:called_and_agreed')).toEqual([
      'capacity_override',
      'called_and_agreed',
    ]);
    expect(detailWords('something_new')).toEqual(['something_new']);
    expect(detailWords(null)).toEqual([]);
  });
});

describe('defaultVisitEnd', () => {
  it('is a week ahead at six in the evening, across a month end', () => {
    expect(defaultVisitEnd('2026-11-29')).toBe('2026-12-06T18:00');
  });
});

describe('isOurs', () => {
  it('takes a notice of the shelter, or of a listed row that moved to another shelter', () => {
    const listed = new Set(['moved']);
    expect(isOurs({ id: 'new', shelterId: 'here' }, 'here', listed)).toBe(true);
    // The referral moved with the person: its notice names the new shelter; the row is ours.
    expect(isOurs({ id: 'moved', shelterId: 'there' }, 'here', listed)).toBe(true);
    expect(isOurs({ id: 'other', shelterId: 'there' }, 'here', listed)).toBe(false);
  });
});

describe('OwnActs', () => {
  it('explains a version only while an act of the page is on its way or as far as it produced', () => {
    const own = new OwnActs();
    expect(own.explains(3)).toBe(false);
    own.started();
    // On its way: the move heard meanwhile may be its own.
    expect(own.explains(3)).toBe(true);
    own.answered(4);
    expect(own.explains(4)).toBe(true);
    expect(own.explains(3)).toBe(true);
    // Someone else's change after it.
    expect(own.explains(5)).toBe(false);
  });

  it('explains nothing after a refused or unanswered act', () => {
    const own = new OwnActs();
    own.started();
    own.answered(undefined);
    expect(own.explains(2)).toBe(false);
    own.started();
    expect(own.explains(2)).toBe(true);
  });

  it('keeps the highest version its acts produced', () => {
    const own = new OwnActs();
    own.started();
    own.started();
    own.answered(7);
    expect(own.explains(9)).toBe(true);
    own.answered(6);
    expect(own.explains(7)).toBe(true);
    expect(own.explains(8)).toBe(false);
  });
});

describe('producedVersion', () => {
  it('reads the version of the act’s answer', () => {
    expect(producedVersion({ cancelReferral: { id: 'r', version: 4, state: 'CANCELLED' } })).toBe(
      4,
    );
    expect(producedVersion({ closeReferral: null })).toBeUndefined();
    expect(producedVersion(undefined)).toBeUndefined();
    expect(producedVersion({ other: { id: 'r' } })).toBeUndefined();
  });
});
