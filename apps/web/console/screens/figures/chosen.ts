import { useState } from 'preact/hooks';
import { addDays, localDay } from '../../core/format.js';
import type { Chosen } from './scope-form.js';
import { parseScope, scopeValue, type Scope } from './scope.js';

/** The days a screen opens on: the last fortnight, today included. */
export const OPENING_DAYS = 14;

/**
 * What the figures are about, kept in the address (?from=&to=&scope=) so that a reload, a shared
 * link or a printout's address shows the same figures; a fixed scope (a shelter's own) wins.
 */
export function useChosen(timeZone: string, fixed: Scope | null): [Chosen, (next: Chosen) => void] {
  const [chosen, setChosen] = useState<Chosen>(() => {
    const search = new URLSearchParams(location.search);
    const today = localDay(timeZone, new Date());
    return {
      scope: fixed ?? parseScope(search.get('scope')),
      from: search.get('from') ?? addDays(today, 1 - OPENING_DAYS),
      to: search.get('to') ?? today,
    };
  });
  const choose = (next: Chosen) => {
    const search = new URLSearchParams(location.search);
    search.set('from', next.from);
    search.set('to', next.to);
    if (!fixed) {
      search.set('scope', scopeValue(next.scope));
    }
    history.replaceState(history.state, '', `${location.pathname}?${search.toString()}`);
    setChosen(next);
  };
  return [chosen, choose];
}
