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
  const [loaded, setLoaded] = useState<{ code: string } & LanguageWords>();
  useEffect(() => {
    let current = true;
    void Promise.all([loadConsoleCatalogue(code), loadCatalogue(code)]).then(
      ([catalogue, publicCatalogue]) => {
        if (current && catalogue) {
          setLoaded({
            code,
            words: (key, params) => format(catalogue.strings[key], params, catalogue.code),
            locale: publicCatalogue ? localeOf(publicCatalogue) : code,
          });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [code]);
  return loaded?.code === code ? loaded : undefined;
}
