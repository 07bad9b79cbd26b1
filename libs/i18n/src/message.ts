/**
 * The catalogues' message syntax: `{name}` placeholders, and plurals in ICU's form, only the part
 * we need: `{n, plural, one {# lugar} other {# lugares}}`, where `#` is the number and a branch may
 * hold placeholders of its own. Categories are CLDR's (zero, one, two, few, many, other), chosen by
 * `Intl.PluralRules` for the catalogue's language; `other` is always there and stands in for a
 * category a message does not give. No `=0` branches, no `select`, no quoting: what the
 * catalogues do not use is not here. Written for old phones' browsers (ES2019, no matchAll).
 */

export type Params = Record<string, string | number>;

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** What a message is made of: text, a placeholder, or a plural with its branches. */
export type Part =
  | string
  | { name: string }
  | { name: string; source: string; branches: Partial<Record<PluralCategory, Part[]>> };

/** The number a plural branch stands for (`#`). */
const NUMBER = { name: '#' };

class Reader {
  at = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    throw new Error(`Message "${this.text}": ${what} at ${this.at}`);
  }

  skipSpaces(): void {
    while (/\s/.test(this.text.charAt(this.at))) {
      this.at += 1;
    }
  }

  word(): string {
    const match = /^\w+/.exec(this.text.slice(this.at));
    if (!match) {
      this.fail('a name expected');
    }
    this.at += match[0].length;
    return match[0];
  }

  expect(char: string): void {
    if (this.text.charAt(this.at) !== char) {
      this.fail(`"${char}" expected`);
    }
    this.at += 1;
  }
}

/** Parts up to the end, or up to the `}` that closes a branch (`inBranch`: `#` is the number). */
function parts(reader: Reader, inBranch: boolean): Part[] {
  const result: Part[] = [];
  let text = '';
  while (reader.at < reader.text.length) {
    const char = reader.text.charAt(reader.at);
    if (char === '}') {
      if (!inBranch) {
        reader.fail('a "}" without its "{"');
      }
      break;
    }
    if (char === '{' || (char === '#' && inBranch)) {
      if (text) {
        result.push(text);
        text = '';
      }
      if (char === '#') {
        reader.at += 1;
        result.push(NUMBER);
      } else {
        result.push(argument(reader));
      }
      continue;
    }
    text += char;
    reader.at += 1;
  }
  if (text) {
    result.push(text);
  }
  return result;
}

/** `{name}` or `{name, plural, category {…} …}`, from its `{` to its `}`. */
function argument(reader: Reader): Part {
  const start = reader.at;
  reader.expect('{');
  reader.skipSpaces();
  const name = reader.word();
  reader.skipSpaces();
  if (reader.text.charAt(reader.at) === '}') {
    reader.at += 1;
    return { name };
  }
  reader.expect(',');
  reader.skipSpaces();
  if (reader.word() !== 'plural') {
    reader.fail('only "plural" is known');
  }
  reader.skipSpaces();
  reader.expect(',');
  const branches: Partial<Record<PluralCategory, Part[]>> = {};
  for (;;) {
    reader.skipSpaces();
    if (reader.text.charAt(reader.at) === '}') {
      reader.at += 1;
      break;
    }
    const category = reader.word() as PluralCategory;
    if (PLURAL_CATEGORIES.indexOf(category) < 0) {
      reader.fail(`"${category}" is not a plural category`);
    }
    if (branches[category]) {
      reader.fail(`"${category}" given twice`);
    }
    reader.skipSpaces();
    reader.expect('{');
    branches[category] = parts(reader, true);
    reader.expect('}');
  }
  if (!branches.other) {
    reader.fail('a plural without "other"');
  }
  return { name, source: reader.text.slice(start, reader.at), branches };
}

const parsed = new Map<string, Part[]>();

/** A message's parts; throws, saying where, on a message that is not well formed. */
export function parseMessage(template: string): Part[] {
  let result = parsed.get(template);
  if (!result) {
    result = parts(new Reader(template), false);
    // Templates come from the catalogues: a few hundred at most, so every one is kept.
    parsed.set(template, result);
  }
  return result;
}

const rules = new Map<string, (n: number) => PluralCategory>();

/**
 * The plural category of `n` in a language, by `Intl.PluralRules`. Where the runtime has no rules
 * for the language (Haitian Creole has none in CLDR; a browser may lack PluralRules altogether):
 * `one` for exactly 1, `other` otherwise, the rule of most of the languages served, and harmless
 * for a language that gives only `other`.
 */
export function pluralCategory(n: number, lang = ''): PluralCategory {
  let select = rules.get(lang);
  if (!select) {
    const known =
      lang !== '' &&
      typeof Intl === 'object' &&
      typeof Intl.PluralRules === 'function' &&
      Intl.PluralRules.supportedLocalesOf([lang]).length > 0;
    if (known) {
      const plural = new Intl.PluralRules(lang);
      select = (value) => plural.select(value) as PluralCategory;
    } else {
      select = (value) => (value === 1 ? 'one' : 'other');
    }
    rules.set(lang, select);
  }
  return select(n);
}

function render(list: Part[], params: Params, lang: string, count: string): string {
  let out = '';
  for (const part of list) {
    if (typeof part === 'string') {
      out += part;
    } else if (part === NUMBER) {
      out += count;
    } else if (!Object.prototype.hasOwnProperty.call(params, part.name)) {
      // Missing: left as written, visibly.
      out += 'branches' in part ? part.source : `{${part.name}}`;
    } else if ('branches' in part) {
      const value = params[part.name];
      const category = pluralCategory(Number(value), lang);
      out += render(part.branches[category] ?? part.branches.other!, params, lang, String(value));
    } else {
      out += String(params[part.name]);
    }
  }
  return out;
}

/**
 * A message with its placeholders filled from `params` and its plurals chosen for `lang` (the
 * catalogue's code; without it, the rule pluralCategory uses for a language it has no rules
 * for). A placeholder without a value is left as written, visibly.
 */
export function format(template: string, params: Params = {}, lang = ''): string {
  return render(parseMessage(template), params, lang, '');
}

/** The names a message takes (a plural's and its branches'), each once, sorted. */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  const walk = (list: Part[]) => {
    for (const part of list) {
      if (typeof part !== 'string' && part !== NUMBER) {
        if (names.indexOf(part.name) < 0) {
          names.push(part.name);
        }
        if ('branches' in part) {
          PLURAL_CATEGORIES.forEach((category) => walk(part.branches[category] ?? []));
        }
      }
    }
  };
  walk(parseMessage(template));
  return names.sort();
}

/** Each plural of a message: its argument and the categories it gives. */
export function plurals(template: string): { name: string; categories: PluralCategory[] }[] {
  const found: { name: string; categories: PluralCategory[] }[] = [];
  const walk = (list: Part[]) => {
    for (const part of list) {
      if (typeof part !== 'string' && 'branches' in part) {
        const categories = PLURAL_CATEGORIES.filter((category) => part.branches[category]);
        found.push({ name: part.name, categories });
        categories.forEach((category) => walk(part.branches[category]!));
      }
    }
  };
  walk(parseMessage(template));
  return found;
}
