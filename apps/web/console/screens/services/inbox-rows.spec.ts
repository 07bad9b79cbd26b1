import { describe, expect, it } from '@jest/globals';
import {
  behind,
  INBOX_PAGE,
  inboxGroups,
  isOverdue,
  listCut,
  missingOverdue,
  newest,
} from './inbox-rows.js';

// Noon in Mexico City (UTC-6): the day there is 2026-11-29 until 06:00Z on the 30th.
const NOW = Date.parse('2026-11-29T18:00:00Z');
const ZONE = 'America/Mexico_City';
const row = (id: string, over: Record<string, unknown> = {}) => ({ id, version: 1, ...over });

describe(inboxGroups.name, () => {
  it('puts sent referrals in new, today’s appointments in today, the rest still open in open', () => {
    const rows = [
      row('sent-later', { state: 'SENT', answerDueAt: '2026-11-30T10:00:00Z' }),
      row('sent-sooner', { state: 'SENT', answerDueAt: '2026-11-29T20:00:00Z' }),
      row('emergency', { state: 'SENT', answerDueAt: null }),
      // 23:30 in Mexico City on the 29th is 05:30Z on the 30th: still today there.
      row('tonight', { state: 'SCHEDULED', scheduledFor: '2026-11-30T05:30:00Z' }),
      row('this-morning', { state: 'SCHEDULED', scheduledFor: '2026-11-29T15:00:00Z' }),
      // 00:30 on the 30th in Mexico City: tomorrow, though the same UTC day as "tonight".
      row('tomorrow', { state: 'SCHEDULED', scheduledFor: '2026-11-30T06:30:00Z' }),
      row('accepted', { state: 'ACCEPTED' }),
      row('no-show', { state: 'NOT_COMPLETED', notCompletedReason: 'NO_SHOW' }),
      row('refused', { state: 'NOT_COMPLETED', notCompletedReason: 'REFUSED' }),
      row('done', { state: 'COMPLETED' }),
    ];
    const groups = inboxGroups(rows, NOW, ZONE);
    const ids = (list: { id: string }[]) => list.map((each) => each.id);
    expect(ids(groups.fresh)).toEqual(['emergency', 'sent-sooner', 'sent-later']);
    expect(ids(groups.today)).toEqual(['this-morning', 'tonight']);
    expect(ids(groups.open)).toEqual(['accepted', 'no-show', 'tomorrow']);
  });
});

describe(isOverdue.name, () => {
  it('is a sent referral past its answer time, or one the overdue job announced', () => {
    const none = new Set<string>();
    expect(
      isOverdue(row('a', { state: 'SENT', answerDueAt: '2026-11-29T17:59:00Z' }), NOW, none),
    ).toBe(true);
    expect(
      isOverdue(row('a', { state: 'SENT', answerDueAt: '2026-11-29T18:01:00Z' }), NOW, none),
    ).toBe(false);
    expect(
      isOverdue(
        row('a', { state: 'SENT', answerDueAt: '2026-11-29T18:01:00Z' }),
        NOW,
        new Set(['a']),
      ),
    ).toBe(true);
    // Answered: no longer overdue, whatever the job said before.
    expect(
      isOverdue(
        row('a', { state: 'ACCEPTED', answerDueAt: '2026-11-29T10:00:00Z' }),
        NOW,
        new Set(['a']),
      ),
    ).toBe(false);
    // An emergency owes no answer.
    expect(isOverdue(row('a', { state: 'SENT', answerDueAt: null }), NOW, none)).toBe(false);
  });
});

describe(newest.name, () => {
  it('keeps the highest version of each referral, and only those the list has', () => {
    const answered = new Map([
      ['a', row('a', { version: 3, state: 'ACCEPTED' })],
      ['b', row('b', { version: 1, state: 'SENT' })],
      ['gone', row('gone', { version: 9, state: 'COMPLETED' })],
    ]);
    const list = [
      row('a', { version: 2, state: 'SENT' }),
      row('b', { version: 2, state: 'ACCEPTED' }),
    ];
    expect(newest(list, answered)).toEqual([
      row('a', { version: 3, state: 'ACCEPTED' }),
      row('b', { version: 2, state: 'ACCEPTED' }),
    ]);
  });
});

describe(behind.name, () => {
  it('says when an event announced a newer version than the list read', () => {
    const list = [row('a', { version: 2 }), row('b', { version: 5 })];
    expect(behind(list, new Map([['a', 3]]))).toBe(true);
    // Twice, or late: nothing new.
    expect(
      behind(
        list,
        new Map([
          ['a', 2],
          ['b', 4],
        ]),
      ),
    ).toBe(false);
    // Already read again for that version: not again (a read that keeps lagging is no loop).
    expect(behind(list, new Map([['a', 3]]), new Map([['a', 3]]))).toBe(false);
    expect(behind(list, new Map([['a', 4]]), new Map([['a', 3]]))).toBe(true);
    // Not in the list (left the inbox's states, or new: every event reads the list anyway).
    expect(behind(list, new Map([['c', 1]]))).toBe(false);
  });
});

describe(missingOverdue.name, () => {
  it('names the overdue referrals the list was cut before, still sent, once', () => {
    const rows = [row('listed', { state: 'SENT' })];
    const overdue = [
      { id: 'listed', state: 'SENT' },
      { id: 'oldest', state: 'SENT' },
      // Answered since the job announced it: nothing to show.
      { id: 'answered', state: 'ACCEPTED' },
    ];
    expect(missingOverdue(rows, overdue)).toEqual(['oldest']);
    expect(missingOverdue(rows, [])).toEqual([]);
  });
});

describe(listCut.name, () => {
  it('says the list may be cut when it has a whole page', () => {
    expect(listCut(Array.from({ length: INBOX_PAGE - 1 }))).toBe(false);
    expect(listCut(Array.from({ length: INBOX_PAGE }))).toBe(true);
  });
});
