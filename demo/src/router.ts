/** Client-side routing over the history API, under the app's base path (`/demo/`). */

/** A matched route: its name and the path parameters. */
export interface Route {
  name: 'projects' | 'board' | 'team' | 'settings' | 'not-found';
  params: Record<string, string>;
}

export interface Router {
  /** The route of the current location. */
  current(): Route;
  /** Goes to an app path such as `/projects/website-relaunch` (relative to the base). */
  navigate(path: string): void;
  /** Full href of an app path, for `<a>` elements. */
  href(path: string): string;
  /** Stops listening to the document and the history. */
  stop(): void;
}

/** Maps a path relative to the base (`/`, `/projects/x`, …) to a route. */
export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'projects')) return { name: 'projects', params: {} };
  if (parts.length === 2 && parts[0] === 'projects') return { name: 'board', params: { projectId: parts[1] ?? '' } };
  if (parts.length === 1 && parts[0] === 'team') return { name: 'team', params: {} };
  if (parts.length === 1 && parts[0] === 'settings') return { name: 'settings', params: {} };
  return { name: 'not-found', params: {} };
}

/**
 * Starts routing: same-origin links with `data-link` are handled without a reload, back and
 * forward re-render, and `onChange` runs for every later route change (read the first with `current()`).
 */
export function createRouter(base: string, onChange: (route: Route) => void, target: Window = window): Router {
  const root = base.endsWith('/') ? base.slice(0, -1) : base;
  const relative = () => {
    const { pathname } = target.location;
    return pathname.startsWith(root) ? pathname.slice(root.length) || '/' : pathname;
  };
  const href = (path: string) => `${root}${path.startsWith('/') ? path : `/${path}`}`;
  const emit = () => onChange(matchRoute(relative()));

  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[data-link]');
    if (!(link instanceof HTMLAnchorElement) || link.origin !== target.location.origin) return;
    event.preventDefault();
    if (link.pathname !== target.location.pathname) {
      target.history.pushState(null, '', link.pathname);
      emit();
    }
  };
  target.document.addEventListener('click', onClick);
  target.addEventListener('popstate', emit);

  return {
    current: () => matchRoute(relative()),
    navigate(path) {
      target.history.pushState(null, '', href(path));
      emit();
    },
    href,
    stop() {
      target.document.removeEventListener('click', onClick);
      target.removeEventListener('popstate', emit);
    },
  };
}
