import type consoleReference from './console/es.js';
import type reference from './catalogues/es.js';
import type { Params } from './message.js';

/** Every string the public pages show, by key; Spanish (catalogues/es.ts) is the reference. */
export type MessageKey = keyof (typeof reference)['strings'];

/**
 * One language: a file in catalogues/ named by its code (BCP 47, e.g. `fa-AF.ts` for Dari).
 * Adding a language is adding that file and its line in languages.ts, where the pages and the
 * server find it; the spec fails on a file without a line, a missing or extra key, a
 * placeholder that differs from Spanish's, or a count without the plural forms its language
 * needs (the syntax, ICU's `{n, plural, one {# lugar} other {# lugares}}`, is in message.ts).
 */
export interface Catalogue {
  code: string;
  /** The language's name in itself, for the switcher. */
  name: string;
  /** Right to left (Dari, Pashto, Arabic). */
  rtl?: boolean;
  /**
   * The locale whose formats `Intl` uses for times, dates and names this catalogue does not give,
   * where runtimes have none for the language itself (Haitian Creole: `fr-HT`). Unset: the code.
   */
  formatLocale?: string;
  strings: Record<MessageKey, string>;
}

/** Every string the staff console shows, by key; Spanish (console/es.ts) is the reference. */
export type ConsoleKey = keyof (typeof consoleReference)['strings'];

/**
 * The staff console's words in one language: a file in console/ named as its public catalogue in
 * catalogues/ (whose name, direction and format locale it shares), under the same discipline.
 * Apart from the public catalogue so that a phone on the public map never downloads them.
 */
export interface ConsoleCatalogue {
  code: string;
  strings: Record<ConsoleKey, string>;
}

/**
 * The first of the languages a person asked for (browser order, or Accept-Language) that a
 * catalogue exists for, matching `pt-BR` to `pt`; otherwise the fallback.
 */
export function negotiate(
  wanted: readonly string[],
  available: readonly string[],
  fallback = 'es',
): string {
  const lower = new Map(available.map((code) => [code.toLowerCase(), code]));
  for (const tag of wanted) {
    const code = tag.trim().toLowerCase();
    const found = lower.get(code) ?? lower.get(code.split('-')[0]);
    if (found) {
      return found;
    }
  }
  return fallback;
}

/** The languages of an Accept-Language header, most wanted first. */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
}

/**
 * "actualizado hace 12 min" in the catalogue's words: the age of figures updated at `updatedAt`
 * (ISO) when it is `now` (milliseconds, by the server's clock, never a phone's guess).
 */
export function ageText(
  say: (key: MessageKey, params?: Params) => string,
  updatedAt: string | null,
  now: number,
): string {
  if (!updatedAt) {
    return say('updated.unknown');
  }
  const minutes = Math.max(0, Math.floor((now - Date.parse(updatedAt)) / 60_000));
  if (minutes < 1) {
    return say('updated.now');
  }
  if (minutes < 60) {
    return say('updated.minutes', { n: minutes });
  }
  const hours = Math.floor(minutes / 60);
  return hours < 48
    ? say('updated.hours', { n: hours })
    : say('updated.days', { n: Math.floor(hours / 24) });
}
