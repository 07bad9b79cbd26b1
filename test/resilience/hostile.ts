import { fragmentFan } from '../../clients/fragment-fan.js';

/**
 * Generated hostile requests for the resilience suite: valid samples, each broken one way at a
 * time (a wrong type, a huge or odd string, an invalid id, a missing or unknown field, an absurd
 * number), plus deep, wide and oversized queries. Deterministic (seeded), so a failure replays.
 */

export interface Sample {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface Hostile {
  label: string;
  /** Usually a GraphQL text; sometimes not a string at all. */
  query: unknown;
  variables: Record<string, unknown>;
  /** In every string this request carries: it must never appear in the server log. */
  marker: string;
}

type Path = (string | number)[];

/** A small seeded PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => leaves(item, [...path, index]));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]));
  }
  return [{ path, value }];
}

function objects(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => objects(item, [...path, index]));
  }
  if (value && typeof value === 'object') {
    return [
      path,
      ...Object.entries(value).flatMap(([key, inner]) => objects(inner, [...path, key])),
    ];
  }
  return [];
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

function deleteAt(root: Record<string, unknown>, path: Path): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
  }
  delete node[path[path.length - 1]];
  return copy;
}

/** Strings that have broken systems before; each gets the request's marker. */
const ODD_STRINGS = [
  (m: string) => `${m}\u0000tail`,
  (m: string) => `${m}\ud800`,
  (m: string) => `\u202e${m}\u202d`,
  (m: string) => `${m}${'\u0301'.repeat(2_000)}`,
  (m: string) => `${m}‍👨‍👩‍👧‍👦${'🏳️‍🌈'.repeat(50)}`,
  (m: string) => `${m}'; DROP TABLE shelter; --`,
  (m: string) => `<script>alert('${m}')</script>`,
  (m: string) => `${m}${' '.repeat(10_000)}`,
  (m: string) => `${m}\r\nSet-Cookie: x=1`,
  (m: string) => `{{${m}}}\${process.exit()}`,
];

const WRONG_TYPES: unknown[] = [42, -1, 3.5, true, {}, [], null, [1, 2], { nested: { deep: [] } }];
const ABSURD_NUMBERS = [-1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.5, 2 ** 31, -(2 ** 31) - 1];
const BAD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '6b1f9f7e-3c1a-4d55-9d1e-0d7a4c1b2eZZ',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '',
];

/** Queries that are not a GraphQL text: JSON values, syntax trees, lists. */
const NOT_TEXT = [
  (m: string) => m.length,
  (m: string) => ({ kind: 'Document', definitions: [], m }),
  (m: string) => [`{ shelters(first: 1) { id } }`, m],
  (m: string) => JSON.stringify({ kind: 'Document', definitions: [], m }),
  (m: string) => `{"${m}": 1}`,
  () => '{}',
  () => 'null',
  () => true,
];

/** Literals in the query that make graphql-js or graphql-jit write an error about them. */
const LITERAL_CANARIES = [
  (m: string) => `{ shelters(filter: { population: ${m} }) { id } }`,
  (m: string) => `{ shelters(filter: { populations: [MEN, ${m}] }) { id } }`,
  (m: string) => `{ shelters(filter: { population: "${m}" }) { id } }`,
  (m: string) => `{ shelters(filter: { status: [${m}] }) { id } }`,
  (m: string) => `{ shelters(first: "${m}") { id } }`,
  (m: string) => `{ shelters(first: [1, "${m}"]) { id } }`,
  (m: string) => `{ shelter(id: { a: "${m}" }) { id } }`,
  (m: string) => `{ shelters(filter: { population "${m}" }) { id } }`,
];

/** `count` hostile requests from the samples, mixing every kind of damage. */
export function hostileRequests(samples: Sample[], count: number, seed = 2026): Hostile[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const out: Hostile[] = [];
  for (let n = 0; out.length < count; n += 1) {
    const sample = samples[n % samples.length];
    const marker = `HX${n}Z`;
    const spots = leaves(sample.variables).filter((leaf) => leaf.path.length > 0);
    const spot = pick(spots);
    const key = String(spot.path[spot.path.length - 1]);
    const kind = Math.floor(next() * 8);
    let variables = sample.variables;
    let query: unknown = sample.query;
    let label: string;
    switch (kind) {
      case 0:
        variables = setAt(sample.variables, spot.path, pick(WRONG_TYPES));
        label = 'wrong type';
        break;
      case 1:
        variables = setAt(sample.variables, spot.path, `${marker}${'A'.repeat(200_000)}`);
        label = 'huge string';
        break;
      case 2:
        variables = setAt(sample.variables, spot.path, pick(ODD_STRINGS)(marker));
        label = 'odd string';
        break;
      case 3: {
        const idSpots = spots.filter(
          (leaf) =>
            /id$/i.test(String(leaf.path[leaf.path.length - 1])) ||
            typeof leaf.path[leaf.path.length - 1] === 'number',
        );
        const target = idSpots.length > 0 ? pick(idSpots) : spot;
        variables = setAt(sample.variables, target.path, pick(BAD_IDS));
        label = 'invalid id';
        break;
      }
      case 4:
        variables = deleteAt(sample.variables, spot.path);
        label = `missing ${key}`;
        break;
      case 5: {
        const holder = pick(objects(sample.variables));
        // A key that is not a GraphQL name: data in the place of structure.
        variables = setAt(sample.variables, [...holder, `${marker} extra`], marker);
        label = 'unknown field';
        break;
      }
      case 6:
        variables = setAt(sample.variables, spot.path, pick(ABSURD_NUMBERS));
        label = 'absurd number';
        break;
      default: {
        const shape = Math.floor(next() * 7);
        if (shape === 0) {
          query = `query { ${'shelters(first: 1) { organisation { '.repeat(30)}id${' } }'.repeat(30)} }`;
          label = 'deep query';
        } else if (shape === 1) {
          query = `query { ${Array.from({ length: 500 }, (_, i) => `a${i}: shelters(first: 100) { id name }`).join(' ')} }`;
          label = 'wide query';
        } else if (shape === 2) {
          query = `query { shelters(first: 1) { id ${'name '.repeat(20_000)} } }`;
          label = 'long query';
        } else if (shape === 3) {
          query = `${sample.query.slice(0, Math.floor(sample.query.length / 2))} ${marker}`;
          label = 'broken query';
        } else if (shape === 4) {
          query = fragmentFan(8 + Math.floor(next() * 8), 2 + Math.floor(next() * 4), {
            on: 'Shelter',
            entry: 'shelters(first: 1)',
            tag: marker,
          });
          label = 'fragment fan';
        } else if (shape === 5) {
          query = pick(NOT_TEXT)(marker);
          label = 'query not text';
        } else {
          query = pick(LITERAL_CANARIES)(marker);
          label = 'canary literal';
        }
        break;
      }
    }
    out.push({ label: `${sample.name}: ${label}`, query, variables, marker });
  }
  return out;
}
