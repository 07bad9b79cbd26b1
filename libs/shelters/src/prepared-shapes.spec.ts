import { PreparedShapes } from './prepared-shapes.js';

describe('PreparedShapes', () => {
  it('names each distinct text once, and the same text always by the same name', () => {
    const shapes = new PreparedShapes('search_', 4);
    expect(shapes.nameOf('SELECT 1')).toBe('search_0');
    expect(shapes.nameOf('SELECT 2')).toBe('search_1');
    expect(shapes.nameOf('SELECT 1')).toBe('search_0');
  });

  it('names no more than its bound: later texts run unnamed, earlier ones keep their names', () => {
    const shapes = new PreparedShapes('search_', 2);
    shapes.nameOf('a');
    shapes.nameOf('b');
    expect(shapes.nameOf('c')).toBeUndefined();
    expect(shapes.nameOf('c')).toBeUndefined();
    expect(shapes.nameOf('b')).toBe('search_1');
  });
});
