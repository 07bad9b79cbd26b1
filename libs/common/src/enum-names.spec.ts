import { describe, expect, it } from '@jest/globals';
import { enumNames } from './enum-names.js';

enum Colour {
  DARK_RED = 'dark_red',
  BLUE = 'blue',
}

describe(enumNames.name, () => {
  it('names each stored value as GraphQL does', () => {
    const name = enumNames(Colour);
    expect(name(Colour.DARK_RED)).toBe('DARK_RED');
    expect(name(Colour.BLUE)).toBe('BLUE');
  });
});
