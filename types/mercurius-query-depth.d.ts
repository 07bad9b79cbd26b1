/** Mercurius' own depth limit, which the app runs through `queryDepth`; a spec counts its work. */
declare module 'mercurius/lib/queryDepth.js' {
  import type { DefinitionNode } from 'graphql';
  export default function queryDepth(
    definitions: readonly DefinitionNode[],
    limit: number,
  ): Error[];
}
