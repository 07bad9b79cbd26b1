import { describe, expect, it } from '@jest/globals';
import { folded, resetLink, usersMatching } from './user-search.js';

describe('usersMatching', () => {
  const users = [
    { id: '1', displayName: 'José Pérez', email: 'jose@casa.example' },
    { id: '2', displayName: 'María López', email: 'maria@red.example' },
    { id: '3', displayName: 'Ana María Ruiz', email: 'ana@casa.example' },
  ];

  it('keeps everyone, in the given order, when nothing is typed', () => {
    expect(usersMatching(users, '  ').map((u) => u.id)).toEqual(['1', '2', '3']);
  });

  it('finds by any part of the name, forgiving accents and case', () => {
    expect(usersMatching(users, 'MARIA').map((u) => u.id)).toEqual(['2', '3']);
    expect(usersMatching(users, 'perez').map((u) => u.id)).toEqual(['1']);
  });

  it('finds by email, and needs every word typed', () => {
    expect(usersMatching(users, 'casa.example').map((u) => u.id)).toEqual(['1', '3']);
    expect(usersMatching(users, 'maría casa').map((u) => u.id)).toEqual(['3']);
    expect(usersMatching(users, 'nadie')).toEqual([]);
  });

  it('folds accents away', () => {
    expect(folded('Kreyòl ÀÉÎ')).toBe('kreyol aei');
  });
});

describe('resetLink', () => {
  it('opens the console’s reset form with the token, escaped', () => {
    expect(resetLink('https://albergue.example', 'ab+c/d')).toBe(
      'https://albergue.example/console/reset?token=ab%2Bc%2Fd',
    );
  });
});
