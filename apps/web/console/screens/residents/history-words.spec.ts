import { describe, expect, it } from '@jest/globals';
import { ASYLUM_STATUSES } from './statuses.js';
import { historyWords } from './history-words.js';

/** A catalogue that answers with the key itself, to see which words were chosen. */
const t = (key: string) => `<${key}>`;

describe(historyWords.name, () => {
  it('writes an asylum step as from → to in the catalogue’s words', () => {
    expect(historyWords(t, { kind: 'ASYLUM', from: 'NOT_STARTED', to: 'PRE_REGISTERED' })).toEqual({
      title: '<residents.event.ASYLUM>',
      change: '<residents.status.NOT_STARTED> → <residents.status.PRE_REGISTERED>',
    });
  });

  it('has words for every asylum status of the track’s one list', () => {
    for (const status of ASYLUM_STATUSES) {
      expect(historyWords(t, { kind: 'ASYLUM', to: status }).change).toBe(
        `<residents.status.${status}>`,
      );
    }
  });

  it('writes the case opened at registration with no from', () => {
    expect(historyWords(t, { kind: 'CASE', from: null, to: 'OPEN' })).toEqual({
      title: '<residents.event.CASE>',
      change: '<residents.case.OPEN>',
    });
  });

  it('tells the legal basis recorded at registration from a consent withdrawn', () => {
    expect(historyWords(t, { kind: 'CONSENT', from: null, to: 'vital_interest' })).toEqual({
      title: '<residents.event.BASIS>',
      change: '<residents.basis.VITAL_INTEREST>',
    });
    expect(historyWords(t, { kind: 'CONSENT', from: 'CONSENT', to: 'ERASED' })).toEqual({
      title: '<residents.event.CONSENT>',
      change: '<residents.withdrawal.ERASED>',
    });
  });

  it('never shows a value it has no words for, nor a separation’s shelter ids', () => {
    expect(historyWords(t, { kind: 'CASE', from: 'OPEN', to: 'SOMETHING_NEW' })).toEqual({
      title: '<residents.event.CASE>',
      change: undefined,
    });
    expect(historyWords(t, { kind: 'SEPARATION', from: 'shelter-a', to: 'shelter-b' })).toEqual({
      title: '<residents.event.SEPARATION>',
    });
  });
});
