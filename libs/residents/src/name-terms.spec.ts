import { nameTerms, nameTokens, NameTermKind, phoneticKey } from './name-terms.js';

describe('nameTokens', () => {
  it('lower-cases, folds accents and splits on punctuation', () => {
    expect(nameTokens('  JOSÉ  Pérez-Gómez ')).toEqual(['jose', 'perez', 'gomez']);
    expect(nameTokens('Rose-Andrée Clervil')).toEqual(['rose', 'andree', 'clervil']);
    expect(nameTokens('Núñez, Ángela (Güera)')).toEqual(['nunez', 'angela', 'guera']);
  });

  it('joins what an apostrophe joins, and leaves out initials', () => {
    expect(nameTokens("Marie-Claire D'Haïti")).toEqual(['marie', 'claire', 'dhaiti']);
    expect(nameTokens('J. B. Dorival')).toEqual(['dorival']);
  });

  it('indexes a family name after particles alone and joined with them', () => {
    expect(nameTokens('María de la Cruz')).toEqual(['maria', 'cruz', 'delacruz']);
    expect(nameTokens('Maria Delacruz')).toEqual(['maria', 'delacruz']);
    expect(nameTokens('Ana García y López')).toEqual(['ana', 'garcia', 'lopez', 'ylopez']);
    expect(nameTokens('Jean du Pont')).toEqual(['jean', 'pont', 'dupont']);
  });

  it('keeps particles when the name is nothing else, and each token once', () => {
    expect(nameTokens('De la')).toEqual(['de', 'la']);
    expect(nameTokens('Juan Juan')).toEqual(['juan']);
    expect(nameTokens('?!')).toEqual([]);
  });

  it('keeps at most twelve tokens', () => {
    expect(nameTokens(Array.from({ length: 20 }, (_, i) => `name${i}`).join(' '))).toHaveLength(12);
  });
});

describe('phoneticKey', () => {
  const same = (...names: string[]) =>
    expect(new Set(names.map((name) => phoneticKey(nameTokens(name)[0])))).toEqual(
      new Set([phoneticKey(nameTokens(names[0])[0])]),
    );

  it.each([
    ['Yésica', 'Jessica', 'Llésica', 'Yessica'],
    ['Jean', 'Jan'],
    ['Baptiste', 'Batist', 'Batiste'],
    ['Ximena', 'Jimena'],
    ['Xavier', 'Javier', 'Jabier'],
    ['Hernández', 'Ernandes'],
    ['Chávez', 'Tchavez', 'Shabes'],
    ['Quintero', 'Kintero'],
    ['Cecilia', 'Sesilia', 'Zezilia'],
    ['Valeria', 'Baleria'],
    ['Guillermo', 'Guiyermo'],
    ['Agüero', 'Aguero'],
    ['Louis', 'Luis'],
    ['Lwi', 'Lui'],
    ['Claude', 'Klod'],
    ['Joseph', 'Jozèf', 'Josef'],
    ['Fransua', 'Fransoi'],
    ['Pierre', 'Piere'],
    ['Jhon', 'John', 'Jon'],
    ['Djimy', 'Jimmy'],
    ['Georges', 'Jorjes'],
  ])('gives %s and its spellings one key', (...names) => same(...names));

  it('keeps apart names that sound apart', () => {
    expect(phoneticKey('maria')).not.toBe(phoneticKey('mario'));
    expect(phoneticKey('carlos')).not.toBe(phoneticKey('carla'));
    expect(phoneticKey('garcia')).not.toBe(phoneticKey('jarsia'));
    expect(phoneticKey('gabriel')).not.toBe(phoneticKey('jabriel'));
  });

  it('writes the key the rules say', () => {
    expect(phoneticKey('yesica')).toBe('jesika');
    expect(phoneticKey('baptiste')).toBe('batist');
    expect(phoneticKey('hernandez')).toBe('ernandes');
    expect(phoneticKey('chavez')).toBe('cabes');
    expect(phoneticKey('claude')).toBe('klod');
  });

  it('has no key for a token with digits', () => {
    expect(phoneticKey('r2d2')).toBeNull();
  });
});

describe('nameTerms', () => {
  it('gives each token, then each distinct sound', () => {
    expect(nameTerms('Jessica Yésica')).toEqual([
      { kind: NameTermKind.TOKEN, term: 'jessica' },
      { kind: NameTermKind.TOKEN, term: 'yesica' },
      { kind: NameTermKind.PHONETIC, term: 'jesika' },
    ]);
  });
});
