import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { fragmentFan } from '../../../../clients/fragment-fan.js';
import {
  aliasLimit,
  costLimit,
  depthLimit,
  directiveLimit,
  fragmentLimit,
  MAX_FRAGMENTS,
  MAX_SPREADS,
  operationCosts,
} from './query-limits.js';

const schema = buildSchema(`
  type Item { id: ID name: String item: Item children(first: Int): [Item] }
  type Query { items(first: Int): [Item] item: Item }
`);

const ours = () => [
  aliasLimit(3),
  directiveLimit(4),
  fragmentLimit(),
  depthLimit(10),
  costLimit(1000, 500),
];

const errorsOf = (query: string, rules = ours()) =>
  validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.message);

/**
 * How many AST nodes every rule looks at (graphql-js's own and ours): each look at a node reads its `kind`, so a proxy counts those reads.
 */
function nodesVisited(query: string): number {
  let reads = 0;
  const proxies = new WeakMap<object, object>();
  const watch = <T>(value: T): T => {
    if (typeof value !== 'object' || value === null) {
      return value;
    }
    const known = proxies.get(value);
    if (known) {
      return known as T;
    }
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (key === 'kind') {
          reads += 1;
        }
        return watch(Reflect.get(target, key, receiver) as unknown);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  const document = watch(parse(query, { noLocation: true }));
  validate(schema, document, [...specifiedRules, ...ours()]);
  return reads;
}

describe('depthLimit', () => {
  const nested = (levels: number) => `{ ${'item { '.repeat(levels)}id${' }'.repeat(levels)} }`;

  it('lets the deepest allowed selection through and refuses one level more', () => {
    expect(errorsOf(nested(9), [depthLimit(10)])).toEqual([]);
    expect(errorsOf(nested(11), [depthLimit(10)])).toEqual([
      'Query limit: at most 10 levels of nested fields (query depth).',
    ]);
  });

  it('counts fragments where they are spread', () => {
    const query = `fragment Deep on Item { ${'item { '.repeat(6)}id${' }'.repeat(6)} } { ${'item { '.repeat(6)}...Deep${' }'.repeat(6)} }`;
    expect(errorsOf(query, [depthLimit(10)])).toHaveLength(1);
  });

  it('does not count introspection, which production refuses by another rule', () => {
    expect(errorsOf(getIntrospectionQuery({ descriptions: true }), [depthLimit(10)])).toEqual([]);
  });
});

describe('aliasLimit', () => {
  it('lets a few aliases through and refuses one too many', () => {
    expect(errorsOf('{ a: item { id } b: item { id } c: item { id } }')).toEqual([]);
    expect(errorsOf('{ a: item { id } b: item { id } c: item { id } d: item { id } }')).toEqual([
      'Query limit: at most 3 aliases per request.',
    ]);
  });

  it('counts the aliases of a fragment wherever it is spread', () => {
    const query = 'fragment A on Item { x: id y: name } { item { ...A } other: item { ...A } }';
    expect(errorsOf(query)).toEqual(['Query limit: at most 3 aliases per request.']);
  });
});

describe('directiveLimit', () => {
  it('refuses more directives than allowed, fragments counted where spread', () => {
    const fragment = 'fragment D on Item { id @include(if: true) name @skip(if: false) }';
    expect(errorsOf(`${fragment} { item { ...D ...D } }`)).toEqual([]);
    expect(errorsOf(`${fragment} { item { ...D ...D } x: item { ...D } }`)).toEqual([
      'Query limit: at most 4 directives per request.',
    ]);
  });
});

describe('fragmentLimit', () => {
  it('refuses more fragments or spreads than allowed', () => {
    const many = Array.from(
      { length: MAX_FRAGMENTS + 1 },
      (_, i) => `fragment G${i} on Item { id }`,
    );
    const spreadAll = many.map((_, i) => `...G${i}`).join(' ');
    expect(errorsOf(`{ item { ${spreadAll} } } ${many.join(' ')}`, [fragmentLimit()])).toEqual([
      `Query limit: at most ${MAX_FRAGMENTS} fragments per request.`,
    ]);
    const spreads = Array.from({ length: MAX_SPREADS + 1 }, () => '...G0').join(' ');
    expect(
      errorsOf(`{ item { ${spreads} } } fragment G0 on Item { id }`, [fragmentLimit()]),
    ).toEqual([`Query limit: at most ${MAX_SPREADS} fragment spreads per request.`]);
  });
});

describe('costLimit', () => {
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

  it('counts a fan of fragments at its spread-out size, looking at each fragment once', () => {
    let visits = 0;
    const [cost] = operationCosts(parse(fragmentFan(10, 3)), 500, () => (visits += 1));
    // Level k costs 1 + 3 × level k-1, level 0 costs 1: (3^11 - 1) / 2, plus the `item` field.
    expect(cost).toBe((3 ** 11 - 1) / 2 + 1);
    expect(visits).toBe(1 + 1 + 10 * 4 + 1);
    expect(errorsOf(fragmentFan(10, 3), [costLimit(1000, 500)])[0]).toMatch(/above 1000/);
  });

  it('ends on a fragment cycle (graphql-js refuses it)', () => {
    const query =
      'fragment A on Item { id ...B } fragment B on Item { name ...A } { item { ...A } }';
    expect(operationCosts(parse(query), 500)).toEqual([3]);
  });
});

describe('all the rules on fans of fragments', () => {
  const perNode = (depth: number, fan: number, nested: boolean) => {
    const query = fragmentFan(depth, fan, nested ? { nestedIn: 'item' } : {});
    return nodesVisited(query) / parse(query).definitions.length / fan;
  };

  it.each([false, true])(
    'look at a number of nodes linear in the document, however deep or wide (nested: %s)',
    (nested) => {
      // Spread out, these documents hold up to 8^40 fields; as text, a few thousand tokens.
      const small = perNode(5, 2, nested);
      for (const [depth, fan] of [
        [10, 2],
        [40, 2],
        [40, 4],
        [20, 8],
        [40, 8],
      ]) {
        expect(perNode(depth, fan, nested)).toBeLessThan(small * 3);
      }
    },
  );
});
