import type { Catalogue, ConsoleCatalogue } from './catalogue.js';

/**
 * Every catalogue, by its code (BCP 47), each loaded on its own: the browser makes each one a
 * small chunk of its own, so a phone downloads only its language; the server loads them all at
 * start. Adding a language is adding its file in catalogues/ and its line here (the spec fails
 * on a file without a line). A literal list, not a folder read, keeps this lib free of Node and
 * of the bundler alike.
 */
const LOADERS: Record<string, () => Promise<{ default: Catalogue }>> = {
  en: () => import('./catalogues/en.js'),
  es: () => import('./catalogues/es.js'),
  fr: () => import('./catalogues/fr.js'),
  ht: () => import('./catalogues/ht.js'),
  pt: () => import('./catalogues/pt.js'),
};

/** The codes of every catalogue, sorted. */
export const LANGUAGES: readonly string[] = Object.keys(LOADERS).sort();

/** One catalogue; undefined for a code there is none for (negotiate first). */
export async function loadCatalogue(code: string): Promise<Catalogue | undefined> {
  // hasOwnProperty, not Object.hasOwn: the finder runs on old phones' browsers (ES2019).
  const load = Object.prototype.hasOwnProperty.call(LOADERS, code) ? LOADERS[code] : undefined;
  return load && (await load()).default;
}

/** Every catalogue, by code, in LANGUAGES' order. */
export async function loadCatalogues(): Promise<Map<string, Catalogue>> {
  const catalogues = await Promise.all(
    LANGUAGES.map(async (code) => (await LOADERS[code]()).default),
  );
  return new Map(catalogues.map((catalogue) => [catalogue.code, catalogue]));
}

/** The staff console's catalogues, one chunk each, for the same codes as LANGUAGES. */
const CONSOLE_LOADERS: Record<string, () => Promise<{ default: ConsoleCatalogue }>> = {
  en: () => import('./console/en.js'),
  es: () => import('./console/es.js'),
  fr: () => import('./console/fr.js'),
  ht: () => import('./console/ht.js'),
  pt: () => import('./console/pt.js'),
};

/** The console's catalogue of a language; undefined for a code there is none for. */
export async function loadConsoleCatalogue(code: string): Promise<ConsoleCatalogue | undefined> {
  const load = Object.prototype.hasOwnProperty.call(CONSOLE_LOADERS, code)
    ? CONSOLE_LOADERS[code]
    : undefined;
  return load && (await load()).default;
}

/** Every console catalogue, by code, in LANGUAGES' order (a code without one is left out). */
export async function loadConsoleCatalogues(): Promise<Map<string, ConsoleCatalogue>> {
  const catalogues = await Promise.all(
    LANGUAGES.filter((code) => code in CONSOLE_LOADERS).map(
      async (code) => (await CONSOLE_LOADERS[code]()).default,
    ),
  );
  return new Map(catalogues.map((catalogue) => [catalogue.code, catalogue]));
}
