import { signal, type ReadonlySignal } from '@preact/signals';
import { accountQueryParams, parseAccountQuery, type AccountQuery } from './account-query.ts';

/** What the page shows, read from the URL hash (`#/accounts?…` or `#/accounts/:id`). */
export type Route = { page: 'accounts'; query: AccountQuery } | { page: 'account'; accountId: string };

/** Hash-based client-side routing: the collector serves one static page, so paths stay its own. */
export interface Router {
  readonly route: ReadonlySignal<Route>;
  /** Navigates to a hash made by {@link accountsHash} or {@link accountHash}. */
  go(hash: string): void;
  /** Stops listening to `hashchange`. */
  dispose(): void;
}

/** Parses a location hash; anything unknown shows the accounts list. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const [pathname = '', search = ''] = path.split('?', 2);
  const account = /^\/accounts\/([^/]+)$/.exec(pathname);
  if (account?.[1]) {
    try {
      return { page: 'account', accountId: decodeURIComponent(account[1]) };
    } catch {
      // A malformed %-sequence typed by hand: fall through to the list.
    }
  }
  const query = parseAccountQuery(new URLSearchParams(search));
  // The cursor is page state, not something a shared link should pin.
  return { page: 'accounts', query: { ...query, cursor: undefined } };
}

/** Hash of the accounts list with these filters and sort. */
export function accountsHash(query: AccountQuery): string {
  return `#/accounts?${accountQueryParams(query, 'filters-and-sort')}`;
}

/** Hash of one account's page. */
export function accountHash(accountId: string): string {
  return `#/accounts/${encodeURIComponent(accountId)}`;
}

/** Creates a router over `win.location.hash`. */
export function createRouter(win: Window = window): Router {
  const route = signal(parseHash(win.location.hash));
  const update = () => {
    route.value = parseHash(win.location.hash);
  };
  win.addEventListener('hashchange', update);
  return {
    route,
    go(hash) {
      if (win.location.hash === hash) return;
      win.location.hash = hash;
      // hashchange fires asynchronously; update now so the view does not lag one frame.
      update();
    },
    dispose: () => win.removeEventListener('hashchange', update),
  };
}
