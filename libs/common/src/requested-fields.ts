import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query asks of the value a resolver returns (of each item, for a
 * list), through inline fragments and fragment spreads: what lets a resolver read only what will
 * be served. `__typename` and other introspection fields are left out. Directives (`@skip`,
 * `@include`) are not evaluated: a field under one counts as asked, which reads more, never less.
 */
export function requestedFields(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (!selection.name.value.startsWith('__')) {
          names.add(selection.name.value);
        }
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment: FragmentDefinitionNode | undefined = info.fragments[selection.name.value];
        visit(fragment?.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  for (const node of info.fieldNodes) {
    visit(node.selectionSet, new Set());
  }
  return names;
}
