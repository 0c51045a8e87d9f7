import { useRef } from 'preact/hooks';
import { AccountPage } from './account-page.tsx';
import { AccountsPage } from './accounts-page.tsx';
import type { ApiClient } from './api-client.ts';
import type { DownloadBlob } from './download-blob.ts';
import { accountsHash, type Router } from './router.ts';
import type { Session } from './session.ts';
import { SignIn } from './sign-in.tsx';

/** Everything the dashboard needs from outside, passed in so tests can supply their own. */
export interface AppProps {
  api: ApiClient;
  session: Session;
  router: Router;
  download: DownloadBlob;
}

/** The dashboard: sign-in when signed out, else the accounts list or one account by URL hash. */
export function App({ api, session, router, download }: AppProps) {
  const route = router.route.value;
  const key = session.key.value;
  // Remembered so "All accounts" returns to the filters the CSM came from.
  const listHash = useRef('#/accounts');
  if (route.page === 'accounts') listHash.current = accountsHash(route.query);

  return (
    <>
      <a class="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={listHash.current}>
          Cairn <span>Account health</span>
        </a>
        {key && (
          <button type="button" class="link-button" onClick={() => session.signOut()}>
            Sign out
          </button>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {!key ? (
          <SignIn api={api} onSignIn={session.signIn} notice={session.notice.value} />
        ) : route.page === 'account' ? (
          <AccountPage key={route.accountId} api={api} accountId={route.accountId} backHref={listHash.current} />
        ) : (
          <AccountsPage api={api} query={route.query} onQueryChange={(query) => router.go(accountsHash(query))} download={download} />
        )}
      </main>
    </>
  );
}
