import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Fragments and spreads per document. The token limit already bounds both; these say so in
 * plain words, and keep the per-fragment work below small whatever a client sends.
 */
export const MAX_FRAGMENTS = 50;
export const MAX_SPREADS = 200;

/**
 * Every limit here looks at each fragment once, however often it is spread: a chain of
 * fragments each spreading the next a few times would otherwise cost exponentially many walks
 * inside validation, on the event loop, for an anonymous caller.
 */

/**
 * At most `max` aliased fields per operation, counted where fragments are spread (an alias in a
 * fragment spread ten times is ten aliases): aliases are how one request repeats an expensive
 * field, or a login. graphql-armor's rule, which memoises each fragment's count.
 */
export function aliasLimit(max: number): ValidationRule {
  return maxAliasesRule({
    n: max,
    allowList: [],
    propagateOnRejection: false,
    onReject: [
      (context) =>
        context?.reportError(new GraphQLError(`Query limit: at most ${max} aliases per request.`)),
    ],
  });
}

/**
 * At most `max` levels of nested fields per operation, fragments counted where spread and
 * walked once each (graphql-armor's rule). Introspection is not counted: GraphiQL's schema
 * query nests `ofType` 15 deep, and production refuses introspection outright
 * (graphql.options.ts), so only a developer's tools ever reach it.
 */
export function depthLimit(max: number): ValidationRule {
  return maxDepthRule({
    n: max,
    ignoreIntrospection: true,
    flattenFragments: false,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context) =>
        context?.reportError(
          new GraphQLError(`Query limit: at most ${max} levels of nested fields (query depth).`),
        ),
    ],
  });
}

/** At most `max` directives per operation, fragments counted where spread (graphql-armor's rule). */
export function directiveLimit(max: number): ValidationRule {
  return maxDirectivesRule({
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context) =>
        context?.reportError(
          new GraphQLError(`Query limit: at most ${max} directives per request.`),
        ),
    ],
  });
}

/** At most MAX_FRAGMENTS fragment definitions and MAX_SPREADS spreads in one document. */
export function fragmentLimit(): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let fragments = 0;
    let spreads = 0;
    return {
      FragmentDefinition(node) {
        fragments += 1;
        if (fragments === MAX_FRAGMENTS + 1) {
          context.reportError(
            new GraphQLError(`Query limit: at most ${MAX_FRAGMENTS} fragments per request.`, {
              nodes: node,
            }),
          );
        }
      },
      FragmentSpread(node) {
        spreads += 1;
        if (spreads === MAX_SPREADS + 1) {
          context.reportError(
            new GraphQLError(`Query limit: at most ${MAX_SPREADS} fragment spreads per request.`, {
              nodes: node,
            }),
          );
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
 * The cost of each operation of a document: every field costs 1, times the page sizes of the
 * lists around it; a variable page size counts as the largest page allowed, since validation
 * cannot see variables. Fragments count where they are spread.
 *
 * The cost of a selection at a factor is the factor times its cost at 1, so each fragment's cost
 * is computed once, at 1, and multiplied where spread: work linear in the document's size. A
 * fragment cycle (refused by graphql-js's own rule) counts as nothing. `visit` is called once
 * per selection looked at, for the spec that holds the work linear.
 */
export function operationCosts(
  document: DocumentNode,
  largestPage: number,
  visit: () => void = () => undefined,
): number[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const fragmentCosts = new Map<string, number>();
  const costOf = (selectionSet: SelectionSetNode): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      visit();
      switch (selection.kind) {
        case Kind.FIELD:
          total +=
            1 +
            (selection.selectionSet
              ? multiplier(selection, largestPage) * costOf(selection.selectionSet)
              : 0);
          break;
        case Kind.INLINE_FRAGMENT:
          total += costOf(selection.selectionSet);
          break;
        case Kind.FRAGMENT_SPREAD:
          total += fragmentCost(selection.name.value);
          break;
      }
    }
    return total;
  };
  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) {
      return known;
    }
    const fragment = fragments.get(name);
    // Marked before the walk, so that a cycle ends here instead of recursing forever.
    fragmentCosts.set(name, 0);
    const cost = fragment ? costOf(fragment.selectionSet) : 0;
    fragmentCosts.set(name, cost);
    return cost;
  };
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [costOf(definition.selectionSet)] : [],
  );
}

/** Refuses an operation whose estimated cost (operationCosts) is above `max`. */
export function costLimit(max: number, largestPage: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const costs = operationCosts(document, largestPage);
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    return {
      Document() {
        costs.forEach((cost, i) => {
          if (cost > max) {
            context.reportError(
              new GraphQLError(
                `Query limit: this query would cost about ${Math.min(cost, Number.MAX_SAFE_INTEGER)}, above ${max}. Ask for fewer fields or smaller pages.`,
                { nodes: operations[i] },
              ),
            );
          }
        });
      },
    };
  };
}
