import { buildSchema, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import queryDepth from 'mercurius/lib/queryDepth.js';
import {
  aliasLimit,
  costLimit,
  directiveLimit,
  fragmentLimit,
} from '../../apps/api/src/graphql/query-limits.js';
import { fragmentFan } from '../../clients/fragment-fan.js';

/** The shapes the public schema offers the fan: a type with a scalar and an object field. */
const schema = buildSchema(`
  type Item { id: ID name: String item: Item children(first: Int): [Item] }
  type Query { item: Item }
`);

export interface ValidationRow {
  depth: number;
  fan: number;
  /** The document's size as text. */
  bytes: number;
  /** Median time of graphql-js's own rules alone (the peer), and of every rule the API runs. */
  graphqlJsMs: number;
  albergueMs: number;
}

export interface ValidationReport {
  repeats: number;
  rows: ValidationRow[];
}

/** The rules the API runs on every document besides graphql-js's own (graphql.options.ts). */
const albergueRules = (): ValidationRule[] => [
  fragmentLimit(),
  aliasLimit(15),
  directiveLimit(50),
  costLimit(50_000, 1000),
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 1000) / 1000;
}

/** Milliseconds one call takes. */
function time(act: () => void): number {
  const started = performance.now();
  act();
  return performance.now() - started;
}

/**
 * Validation time of fans of fragments (tiny as text, fan^depth fields spread out) of growing
 * depth and fan-out: graphql-js's own rules beside those plus ours and Mercurius' depth limit.
 * The old cost rule walked each spread anew: 1.65 s at depth 10, fan 4, ×16 per two levels.
 */
export function validationCurve(options: {
  depths: number[];
  fans: number[];
  repeats: number;
}): ValidationReport {
  const cases = options.fans.flatMap((fan) =>
    options.depths.map((depth) => {
      const text = fragmentFan(depth, fan, { nestedIn: 'item' });
      const document = parse(text);
      return {
        depth,
        fan,
        bytes: Buffer.byteLength(text),
        peer: () => validate(schema, document, specifiedRules),
        ours: () => {
          validate(schema, document, [...specifiedRules, ...albergueRules()]);
          queryDepth(document.definitions, 10);
        },
      };
    }),
  );
  // Every path warmed on every document first: the first calls measure the JIT, not the rules.
  for (let i = 0; i < 10; i += 1) {
    for (const one of cases) {
      one.peer();
      one.ours();
    }
  }
  // Then the two side by side, call after call, so that a pause of the machine hits both.
  const rows: ValidationRow[] = cases.map((one) => {
    const peer: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < options.repeats; i += 1) {
      peer.push(time(one.peer));
      ours.push(time(one.ours));
    }
    return {
      depth: one.depth,
      fan: one.fan,
      bytes: one.bytes,
      graphqlJsMs: median(peer),
      albergueMs: median(ours),
    };
  });
  return { repeats: options.repeats, rows };
}
