import type { Actor } from './policy.js';
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
  /** The Fastify request and reply (for cookies, the caller's address, the request id). */
  req: RequestLike;
  reply: ReplyLike;
  /** Set by the auth guard when a session checks out. */
  actor?: Actor;
}

/** The parts of Fastify's request and reply that libs use, so that no lib imports Fastify. */
export interface RequestLike {
  id: string;
  ip: string;
  protocol: string;
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

export interface ReplyLike {
  header(name: string, value: string | string[]): unknown;
}
