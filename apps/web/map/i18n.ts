import {
  type Catalogue,
  format,
  LANGUAGES,
  loadCatalogue,
  type MessageKey,
  negotiate,
} from '@albergue/i18n';

// Every catalogue is its own small chunk (the lib loads each with its own import()): a phone
// downloads only its language.
const STORED = 'albergue.lang';

let current: Catalogue;

/** `?lang=`, then the language chosen here before, then the browser's languages; Spanish otherwise. */
export function preferredLanguage(): string {
  const asked = new URLSearchParams(location.search).get('lang');
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORED);
  } catch {
    // Private modes may refuse storage: the browser's languages decide.
  }
  return negotiate(
    [...(asked ? [asked] : []), ...(stored ? [stored] : []), ...navigator.languages],
    LANGUAGES,
  );
}

export async function useLanguage(code: string): Promise<Catalogue> {
  current = (await loadCatalogue(code))!;
  document.documentElement.lang = current.code;
  document.documentElement.dir = current.rtl ? 'rtl' : 'ltr';
  try {
    localStorage.setItem(STORED, current.code);
  } catch {
    // As above.
  }
  return current;
}

/** Names of the languages, each in itself, for the switcher (loads each small catalogue once). */
export async function languageNames(): Promise<Map<string, string>> {
  const entries = await Promise.all(
    LANGUAGES.map(async (code) => [code, (await loadCatalogue(code))!.name] as const),
  );
  return new Map(entries);
}

/** The catalogue in use, for what libs/i18n says from data (hours, language names, times). */
export function catalogue(): Catalogue {
  return current;
}

/** A message in the current language, its plurals chosen by that language's rules. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(current.strings[key], params, current.code);
}
