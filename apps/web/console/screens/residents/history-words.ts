import type { ConsoleKey, Params } from '@albergue/i18n';
import { ASYLUM_STATUSES, CASE_STATUSES } from './statuses.js';

type T = (key: ConsoleKey, params?: Params) => string;

export interface HistoryEvent {
  kind: 'ASYLUM' | 'CASE' | 'CONSENT' | 'SEPARATION';
  from?: string | null;
  to: string;
}

const ASYLUM = new Set<string>(ASYLUM_STATUSES);
const CASE = new Set<string>(CASE_STATUSES);
const BASIS = new Set(['CONSENT', 'VITAL_INTEREST', 'PUBLIC_INTEREST']);
const WITHDRAWAL = new Set(['ERASED', 'VITAL_INTEREST', 'PUBLIC_INTEREST']);

/**
 * A history row in words: its title, and what changed ("Sin iniciar → Prerregistro"). The API
 * names values by enum (a legal basis recorded at registration may come in the database's
 * spelling, `vital_interest`, so names are compared in capitals); a value no catalogue knows is
 * left out rather than shown raw, and a separation's values are shelter ids, never shown.
 */
export function historyWords(t: T, event: HistoryEvent): { title: string; change?: string } {
  const name = (value: string | null | undefined) => value?.toUpperCase();
  const words = (set: Set<string>, prefix: string, value: string | null | undefined) => {
    const known = name(value);
    return known && set.has(known) ? t(`${prefix}.${known}` as ConsoleKey) : undefined;
  };
  const change = (from: string | undefined, to: string | undefined) =>
    to === undefined ? undefined : from === undefined ? to : `${from} → ${to}`;
  switch (event.kind) {
    case 'ASYLUM':
      return {
        title: t('residents.event.ASYLUM'),
        change: change(
          words(ASYLUM, 'residents.status', event.from),
          words(ASYLUM, 'residents.status', event.to),
        ),
      };
    case 'CASE':
      return {
        title: t('residents.event.CASE'),
        change: change(
          words(CASE, 'residents.case', event.from),
          words(CASE, 'residents.case', event.to),
        ),
      };
    case 'CONSENT':
      // No `from`: the legal basis recorded at registration; with one, consent withdrawn.
      return event.from
        ? {
            title: t('residents.event.CONSENT'),
            change: words(WITHDRAWAL, 'residents.withdrawal', event.to),
          }
        : {
            title: t('residents.event.BASIS'),
            change: words(BASIS, 'residents.basis', event.to),
          };
    case 'SEPARATION':
      return { title: t('residents.event.SEPARATION') };
  }
}
