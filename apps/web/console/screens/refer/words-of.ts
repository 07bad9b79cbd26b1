import {
  type ConsoleKey,
  format,
  loadCatalogue,
  loadConsoleCatalogue,
  localeOf,
  type Params,
} from '@albergue/i18n';
import { useEffect, useState } from 'preact/hooks';

export type Words = (key: ConsoleKey, params?: Params) => string;

export interface LanguageWords {
  words: Words;
  /** The locale `Intl` writes that language's dates with (its public catalogue says). */
  locale: string;
}

/**
 * The console's words in another language than the reader's (the person's: a consent read out to
 * them, the slip handed to them), loaded as that language's chunk. Undefined until they are there:
 * never the last language's words under the new one's name.
 */
export function useWordsOf(code: string): LanguageWords | undefined {
  const loaded = useWordsOrUnavailable(code);
  return loaded === 'unavailable' ? undefined : loaded;
}

/**
 * Loads these languages' words now, while there is a connection, so that a consent explained or a
 * slip printed in one of them later works without one (a field visit): a chunk loaded once is
 * kept by the page, and by the service worker for the next load.
 */
export function preloadWords(codes: readonly string[]): void {
  for (const code of codes) {
    Promise.all([loadConsoleCatalogue(code), loadCatalogue(code)]).catch(() => undefined);
  }
}

/**
 * As useWordsOf, and 'unavailable' when that language's words could not be loaded: offline
 * (a field visit) before this device ever kept them, or a language the console has no words in.
 */
export function useWordsOrUnavailable(code: string): LanguageWords | 'unavailable' | undefined {
  const [loaded, setLoaded] = useState<
    { code: string } & (LanguageWords | { unavailable: true })
  >();
  useEffect(() => {
    let current = true;
    Promise.all([loadConsoleCatalogue(code), loadCatalogue(code)]).then(
      ([catalogue, publicCatalogue]) => {
        if (!current) {
          return;
        }
        setLoaded(
          catalogue
            ? {
                code,
                words: (key, params) => format(catalogue.strings[key], params, catalogue.code),
                locale: publicCatalogue ? localeOf(publicCatalogue) : code,
              }
            : { code, unavailable: true },
        );
      },
      () => {
        if (current) {
          setLoaded({ code, unavailable: true });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [code]);
  if (loaded?.code !== code) {
    return undefined;
  }
  return 'unavailable' in loaded ? 'unavailable' : loaded;
}
