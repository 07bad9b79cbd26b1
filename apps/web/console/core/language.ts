import {
  type Catalogue,
  type ConsoleCatalogue,
  type ConsoleKey,
  format,
  LANGUAGES,
  loadCatalogue,
  loadConsoleCatalogue,
  localeOf,
  negotiate,
  type Params,
} from '@albergue/i18n';

/** The console's words in one language, and how that language writes numbers, times and plurals. */
export interface Language {
  code: string;
  /** The language's name in itself, and its direction and format locale: from its public catalogue. */
  catalogue: Catalogue;
  strings: ConsoleCatalogue['strings'];
  /** A message, its plurals chosen by the language's rules (`Intl.PluralRules`). */
  t(key: ConsoleKey, params?: Params): string;
  /** The locale `Intl` formats this language's dates and times with. */
  locale: string;
}

/** Only the language's code is kept in the browser: it says nothing of anybody. */
const STORED = 'albergue.console.lang';

/** `?lang=`, then the language chosen here before, then the browser's; Spanish otherwise. */
export function preferredLanguage(
  search: string,
  stored: string | null,
  browser: readonly string[],
): string {
  const asked = new URLSearchParams(search).get('lang');
  return negotiate([...(asked ? [asked] : []), ...(stored ? [stored] : []), ...browser], LANGUAGES);
}

export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORED);
  } catch {
    // Private modes may refuse storage: the browser's languages decide.
    return null;
  }
}

export async function loadLanguage(code: string): Promise<Language> {
  const [catalogue, console] = await Promise.all([loadCatalogue(code), loadConsoleCatalogue(code)]);
  if (!catalogue || !console) {
    throw new Error(`no catalogue for ${code}`);
  }
  try {
    localStorage.setItem(STORED, code);
  } catch {
    // As above.
  }
  return {
    code,
    catalogue,
    strings: console.strings,
    t: (key, params) => format(console.strings[key], params, code),
    locale: localeOf(catalogue),
  };
}

/** The page's language and direction, for screen readers and for right-to-left languages. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.catalogue.rtl ? 'rtl' : 'ltr';
  document.title = language.t('app.title');
}
