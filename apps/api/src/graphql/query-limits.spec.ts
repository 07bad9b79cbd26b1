import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { aliasLimit, costLimit } from './query-limits.js';

const schema = buildSchema(`
  type Item { id: ID name: String children(first: Int): [Item] }
  type Query { items(first: Int): [Item] item: Item }
`);

const errorsOf = (query: string, rules = [aliasLimit(3), costLimit(1000, 500)]) =>
  validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.message);

describe(aliasLimit.name, () => {
  it('lets a few aliases through and refuses one too many', () => {
    expect(errorsOf('{ a: item { id } b: item { id } c: item { id } }')).toEqual([]);
    expect(errorsOf('{ a: item { id } b: item { id } c: item { id } d: item { id } }')).toEqual([
      'Query limit: at most 3 aliases per request.',
    ]);
  });
});

describe(costLimit.name, () => {
  it('multiplies by page sizes, nested lists included', () => {
    expect(errorsOf('{ items(first: 100) { id name } }')).toEqual([]); // 1 + 200
    expect(errorsOf('{ items(first: 20) { id children(first: 100) { id } } }')[0]).toMatch(
      /cost about 2041, above 1000/,
    );
  });

  it('counts a page size given in a variable as the largest page', () => {
    expect(errorsOf('query($n: Int) { items(first: $n) { id name } }')[0]).toMatch(
      /cost about 1001/,
    );
  });

  it('counts fragments where they are spread', () => {
    const query =
      'fragment F on Item { id name } { items(first: 300) { ...F } more: items(first: 300) { ...F } }';
    expect(errorsOf(query, [costLimit(1000, 500)])[0]).toMatch(/cost about 1202/);
  });
});
