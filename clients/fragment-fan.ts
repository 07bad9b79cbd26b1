/**
 * A chain of `depth` fragments, each spreading the one below it `fan` times: a few hundred bytes
 * as text, fan^depth fields once spread out, the shape that made the old cost rule walk
 * exponentially. For the limits' spec, the hardening and hostile suites, and the bench.
 */
export function fragmentFan(
  depth: number,
  fan: number,
  options: {
    /** The type the fragments are on, with a scalar `field` and an `entry` field of that type. */
    on?: string;
    field?: string;
    entry?: string;
    /** Each level one `field { … }` deeper (an object field of the same type) instead of beside. */
    nestedIn?: string;
    /** Appended to every fragment name: varied, no cache keyed by the text can help. */
    tag?: string;
  } = {},
): string {
  const { on = 'Item', field = 'name', entry = 'item', nestedIn, tag = '' } = options;
  const fragments = [`fragment F0${tag} on ${on} { id }`];
  for (let level = 1; level <= depth; level += 1) {
    const spreads = Array.from({ length: fan }, () => `...F${level - 1}${tag}`).join(' ');
    fragments.push(
      nestedIn
        ? `fragment F${level}${tag} on ${on} { ${nestedIn} { ${spreads} } }`
        : `fragment F${level}${tag} on ${on} { ${field} ${spreads} }`,
    );
  }
  return `{ ${entry} { ...F${depth}${tag} } } ${fragments.join(' ')}`;
}
