import type { StaffServerEvents } from '@albergue/contracts';
import type { ConsoleKey, Params } from '@albergue/i18n';
import { type Signal } from '@preact/signals';
import type { Client } from '@urql/core';
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { Clock } from './format.js';
import type { Language } from './language.js';
import type { Live, StaffEvent } from './live.js';
import type { OfflineQueue } from './offline/queue.js';
import type { Router } from './router.js';
import type { Session } from './session.js';

/**
 * Everything a screen reaches, made once per page load in main.tsx and handed down by context:
 * no module holds state of its own, so that each piece can be built fresh in a spec.
 */
export interface ConsoleServices {
  client: Client;
  router: Router;
  session: Session;
  language: Signal<Language>;
  /** The server's TIME_ZONE: every time and day on screen is its wall clock (core/format.ts). */
  timeZone: string;
  setLanguage(code: string): Promise<void>;
  /** The staff socket while signed in; null before. */
  live: Signal<Live | null>;
  /** The signed-in user's queue of acts made offline (core/offline); null before it is open. */
  offline: Signal<OfflineQueue | null>;
}

export const ConsoleContext = createContext<ConsoleServices | null>(null);

export function useConsole(): ConsoleServices {
  const services = useContext(ConsoleContext);
  if (!services) {
    throw new Error('useConsole outside ConsoleContext');
  }
  return services;
}

/** The current language's `t`; a component that calls it re-renders when the language changes. */
export function useT(): (key: ConsoleKey, params?: Params) => string {
  return useConsole().language.value.t;
}

/** The reader's locale and the server's TIME_ZONE, as core/format.ts writes times with them. */
export function useClock(): Clock {
  const { language, timeZone } = useConsole();
  return { locale: language.value.locale, timeZone };
}

/** Runs `handler` on every `/staff` event of that name while the component is on screen. */
export function useStaffEvent<E extends StaffEvent>(
  event: E,
  handler: (payload: Parameters<StaffServerEvents[E]>[0]) => void,
): void {
  const live = useConsole().live.value;
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => live?.on(event, (payload) => latest.current(payload)), [live, event]);
}
