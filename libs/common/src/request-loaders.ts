import type DataLoader from 'dataloader';

/**
 * The per-request home of DataLoaders, put in the GraphQL context by apps/api. Each lib creates
 * its loaders lazily under its own key, so the context knows no lib and no lib knows another.
 */
export class RequestLoaders {
  private readonly loaders = new Map<symbol, unknown>();

  get<K, V>(key: symbol, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(key, loader);
    }
    return loader;
  }
}

export interface GraphQLContext {
  loaders: RequestLoaders;
}
