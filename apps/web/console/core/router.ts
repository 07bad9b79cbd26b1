import { type Signal, signal } from '@preact/signals';

/** Where the console is served; every screen's address starts with it. */
export const BASE = '/console';

export interface Router {
  /** The path below BASE, always starting with `/` (`/shelters/3/board`). */
  path: Signal<string>;
  navigate(to: string, options?: { replace?: boolean }): void;
  /** The address of a path, for links (`href`). */
  href(to: string): string;
  dispose(): void;
}

function below(pathname: string): string {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  return rest === '' ? '/' : rest;
}

/** History-API routing: one address per screen, so that a reload or a shared link lands there. */
export function createRouter(): Router {
  const path = signal(below(location.pathname));
  const onPop = () => {
    path.value = below(location.pathname);
  };
  addEventListener('popstate', onPop);
  return {
    path,
    navigate(to, options) {
      const url = `${BASE}${to}`;
      if (options?.replace) {
        history.replaceState(null, '', url);
      } else {
        history.pushState(null, '', url);
      }
      path.value = to;
    },
    href: (to) => `${BASE}${to}`,
    dispose: () => removeEventListener('popstate', onPop),
  };
}

/**
 * Matches a path against a pattern with `:name` segments: the named values, or null.
 * `match('/shelters/:shelterId/board', '/shelters/7/board')` is `{ shelterId: '7' }`.
 */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) {
    return null;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(have[i]);
      } catch {
        // A mangled address (a stray %): no screen, rather than no console.
        return null;
      }
    } else if (want[i] !== have[i]) {
      return null;
    }
  }
  return params;
}
