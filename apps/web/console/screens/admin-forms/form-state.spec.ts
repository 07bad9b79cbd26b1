import { describe, expect, it } from '@jest/globals';
import { toggled } from './form-state.js';

describe('toggled', () => {
  it('adds a value once, at the end', () => {
    expect(toggled(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggled(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
  });

  it('takes a value out, and leaves a list without it as it is', () => {
    expect(toggled(['a', 'b', 'a'], 'a', false)).toEqual(['b']);
    expect(toggled(['a', 'b'], 'c', false)).toEqual(['a', 'b']);
  });

  it('never changes the list it was given', () => {
    const list = ['a'] as const;
    toggled(list, 'b', true);
    expect(list).toEqual(['a']);
  });
});
