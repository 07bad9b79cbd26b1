import {
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type FieldNode,
  parse,
} from 'graphql';
import { requestedFields } from './requested-fields.js';

/** The resolve info of the first top-level field of a query, as far as requestedFields reads it. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === 'OperationDefinition',
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === 'FragmentDefinition',
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('requestedFields', () => {
  it('names the fields asked of the returned value, not their sub-fields nor the introspection ones', () => {
    const fields = requestedFields(
      infoOf('{ shelters(first: 5) { id __typename location { lat lng } availability { band } } }'),
    );
    expect([...fields].sort()).toEqual(['availability', 'id', 'location']);
  });

  it('follows inline fragments and fragment spreads, and a spread used twice or in a cycle once', () => {
    const fields = requestedFields(
      infoOf(`
        query { shelters { ...Card ... on Shelter { name } ...Card } }
        fragment Card on Shelter { id distanceKm ...More }
        fragment More on Shelter { address { borough } ...Card }`),
    );
    expect([...fields].sort()).toEqual(['address', 'distanceKm', 'id', 'name']);
  });

  it('counts a field under @skip or @include as asked (reads more, never less)', () => {
    const fields = requestedFields(
      infoOf('query($x: Boolean!) { shelters { id contact @include(if: $x) { phone } } }'),
    );
    expect([...fields].sort()).toEqual(['contact', 'id']);
  });

  it('merges the selections of a field asked twice under one name', () => {
    const document = parse('{ shelters { id } shelters { name } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const fields = requestedFields({
      fieldNodes: operation.selectionSet.selections as FieldNode[],
      fragments: {},
    });
    expect([...fields].sort()).toEqual(['id', 'name']);
  });
});
