/**
 * Enum values as GraphQL names them (OPEN, not the stored `open`), for JSON that leaves outside
 * GraphQL (socket messages, snapshots), so that every client reads one vocabulary.
 */
export function enumNames<E extends Record<string, string>>(
  values: E,
): (value: E[keyof E]) => keyof E & string {
  const names = new Map(Object.entries(values).map(([name, value]) => [value, name]));
  return (value) => names.get(value)! as keyof E & string;
}
