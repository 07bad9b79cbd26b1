/**
 * The searchable parts of a name: its tokens and, for each, a key of how it sounds. Only their
 * keyed hashes are stored (resident_name_index); the rules here are what makes "Yésica" find
 * "Jessica" and "Jan Batist" find "Jean-Baptiste". README, "Finding a person", lists them.
 */

/**
 * Words that join a family name to what follows ("María de la Cruz", "Jean du Pont", "García y
 * López"): alone they would match half the register, so they are not tokens; instead the word
 * after them is indexed twice, alone ("cruz") and joined with them ("delacruz"), so that a name
 * written "Delacruz" or "De la Cruz" finds the other.
 */
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'e',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'du',
  'des',
  'le',
  'les',
  'van',
  'von',
]);

/** More tokens than this in one name add nothing to finding a person, only rows. */
const MAX_TOKENS = 12;

/** The words of a name: lower case, accents folded, apostrophes dropped, other punctuation splits. */
function words(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`´]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The tokens of a name, each once: "María José de la Cruz-Pérez" -> maria, jose, cruz, delacruz,
 * perez. Single letters (initials) are left out. A name made only of particles keeps them.
 */
export function nameTokens(name: string): string[] {
  const all = words(name);
  if (all.every((word) => PARTICLES.has(word))) {
    return unique(all.filter((word) => word.length > 1));
  }
  const tokens: string[] = [];
  let joined = '';
  for (const word of all) {
    if (PARTICLES.has(word)) {
      joined += word;
      continue;
    }
    tokens.push(word);
    if (joined) {
      tokens.push(joined + word);
      joined = '';
    }
  }
  return unique(tokens.filter((token) => token.length > 1)).slice(0, MAX_TOKENS);
}

/**
 * A key of how a token sounds, for names written down from Spanish, Haitian Creole and French
 * speech; equal keys mean "may be the same name". Null for a token with digits. The rules, in
 * the order they apply:
 * 1. an initial x is a j (Ximena, Jimena; Xavier, Javier);
 * 2. ph is f; ch, sh and tch are one sound (Chávez, Tchavez; Charles, Tcharles);
 * 3. h is silent (Hernández, Ernández; Jhon, Jon);
 * 4. dj, ll, j, g before e/i, and y before a vowel (at the start or after one) are one sound
 *    (Yésica, Jessica, Llésica; Djimy, Jimy; Guiyermo, Guillermo); y elsewhere is i;
 * 5. qu is k; gu before e/i (and gü, whose dieresis is folded) is a hard g; c before e/i is s,
 *    c elsewhere is k (Quintero, Kintero; Cecilia, Sesilia); x is ks; z is s;
 * 6. v is b (Valeria, Baleria); w is u (Lwi, Lui);
 * 7. p before t is silent (Baptiste, Batiste); e between j and a/o/u is silent (Jean, Jan;
 *    Georges, Jorjes);
 * 8. French vowel spellings: eau and au are o (Claude, Klod), ou is u (Louis, Luis), oi is ua
 *    (François, Fransua), ai and ei are e;
 * 9. a letter doubled is one (Jessica, Jesica; Pierre, Piere);
 * 10. a final e after a consonant is silent (Baptiste, Batist; Jorge, Jorj).
 * A cedilla is folded with the other accents before these rules, so "François" sounds like
 * "Frankua": it still finds "Francois" by its token.
 */
export function phoneticKey(token: string): string | null {
  if (!/^[a-z]+$/.test(token)) {
    return null;
  }
  // Upper case marks a sound already decided, so that later rules leave it alone.
  let key = token
    .replace(/^x/, 'J')
    .replace(/ph/g, 'f')
    .replace(/t?[cs]h/g, 'C')
    .replace(/h/g, '')
    .replace(/dj|ll|j/g, 'J')
    .replace(/qu/g, 'k')
    .replace(/gu(?=[eiy])/g, 'G')
    .replace(/g(?=[eiy])/g, 'J')
    .replace(/(^|[aeiou])y(?=[aeiou])/g, '$1J')
    .replace(/y/g, 'i')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/w/g, 'u')
    .replace(/pt/g, 't')
    .replace(/Je(?=[aou])/g, 'J')
    .replace(/e?au/g, 'o')
    .replace(/ou/g, 'u')
    .replace(/oi/g, 'ua')
    .replace(/[ae]i/g, 'e')
    .toLowerCase()
    .replace(/(.)\1+/g, '$1');
  if (key.length > 2 && /[^aeiou]e$/.test(key)) {
    key = key.slice(0, -1);
  }
  return key || null;
}

export enum NameTermKind {
  TOKEN = 'TOKEN',
  PHONETIC = 'PHONETIC',
}

/** Every term of a name as stored (hashed) in its blind index: each token, and each token's sound. */
export function nameTerms(name: string): { kind: NameTermKind; term: string }[] {
  const tokens = nameTokens(name);
  const sounds = unique(tokens.map(phoneticKey).filter((key): key is string => key !== null));
  return [
    ...tokens.map((term) => ({ kind: NameTermKind.TOKEN, term })),
    ...sounds.map((term) => ({ kind: NameTermKind.PHONETIC, term })),
  ];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
