import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionNode,
  GraphQLError,
  Kind,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** At most `max` aliased fields per document: aliases are how one request repeats an expensive field (or a login). */
export function aliasLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) {
          aliases += 1;
          if (aliases === max + 1) {
            context.reportError(
              new GraphQLError(`Query limit: at most ${max} aliases per request.`, { nodes: node }),
            );
          }
        }
      },
    };
  };
}

/** A list field's page size: its `first` argument, or `whenVariable` when that comes in a variable. */
function multiplier(node: FieldNode, whenVariable: number): number {
  const first = node.arguments?.find((arg) => arg.name.value === 'first');
  if (!first) {
    return 1;
  }
  if (first.value.kind === Kind.INT) {
    return Math.max(1, Number(first.value.value));
  }
  return whenVariable;
}

/**
 * Estimated cost: every field costs 1, times the page sizes of the lists around it. A
 * variable page size counts as the largest page allowed, since validation cannot see variables.
 * Fragments are counted where they are spread.
 */
export function costLimit(max: number, largestPage: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const costOf = (
      selections: readonly SelectionNode[],
      factor: number,
      seen: Set<string>,
    ): number =>
      selections.reduce((total, selection) => {
        switch (selection.kind) {
          case Kind.FIELD: {
            const inner = factor * multiplier(selection, largestPage);
            return (
              total +
              factor +
              (selection.selectionSet ? costOf(selection.selectionSet.selections, inner, seen) : 0)
            );
          }
          case Kind.INLINE_FRAGMENT:
            return total + costOf(selection.selectionSet.selections, factor, seen);
          case Kind.FRAGMENT_SPREAD: {
            const name = selection.name.value;
            const fragment = fragments.get(name);
            if (!fragment || seen.has(name)) {
              return total;
            }
            return (
              total + costOf(fragment.selectionSet.selections, factor, new Set([...seen, name]))
            );
          }
        }
      }, 0);
    return {
      OperationDefinition(node) {
        const cost = costOf(node.selectionSet.selections, 1, new Set());
        if (cost > max) {
          context.reportError(
            new GraphQLError(
              `Query limit: this query would cost about ${cost}, above ${max}. Ask for fewer fields or smaller pages.`,
              {
                nodes: node,
              },
            ),
          );
        }
      },
    };
  };
}
