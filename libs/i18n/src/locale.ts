import type { Catalogue, MessageKey } from './catalogue.js';
import { format, type Params } from './message.js';

/** A message of the catalogue, its plurals chosen by the catalogue's language. */
export function say(catalogue: Catalogue, key: MessageKey, params?: Params): string {
  return format(catalogue.strings[key], params, catalogue.code);
}

/** The locale `Intl` formats this catalogue's times, dates and names with (formatLocale). */
export function localeOf(catalogue: Catalogue): string {
  return catalogue.formatLocale ?? catalogue.code;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** A wall-clock time, "HH:MM", as the reader's locale writes one: 18:00, 6:00 PM. */
export function clockTime(catalogue: Catalogue, time: string): string {
  const locale = localeOf(catalogue);
  let clock = clocks.get(locale);
  if (!clock) {
    // The time is already local (TIME_ZONE): formatted in UTC it is shown as given.
    clock = new Intl.DateTimeFormat(locale, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    });
    clocks.set(locale, clock);
  }
  const [hours, minutes] = time.split(':').map(Number);
  return clock.format(Date.UTC(2000, 0, 3, hours, minutes));
}

/**
 * A language's name as the reader's language says it ("ht" in Spanish: "criollo haitiano"): from
 * the catalogue for the network's languages (the same on every browser, and right where `Intl`
 * has no names in the reader's language, as for Haitian Creole), else from `Intl.DisplayNames` in
 * the catalogue's locale, else the code itself.
 */
export function languageName(catalogue: Catalogue, code: string): string {
  const strings = catalogue.strings as Record<string, string>;
  const key = `pages.language.${code}`;
  if (Object.prototype.hasOwnProperty.call(strings, key)) {
    return strings[key];
  }
  try {
    return new Intl.DisplayNames([localeOf(catalogue)], { type: 'language' }).of(code) ?? code;
  } catch {
    // No DisplayNames (older browsers), or a code it refuses.
    return code;
  }
}
