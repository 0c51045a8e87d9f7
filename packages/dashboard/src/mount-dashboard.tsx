import { render } from 'preact';
import { createApiClient } from './api-client.ts';
import { App } from './app.tsx';
import { createDownloadBlob, type DownloadBlob } from './download-blob.ts';
import { createRouter } from './router.ts';
import { createSession } from './session.ts';
import './styles.css';

/** Options of {@link mountDashboard}; the defaults suit the page the collector serves. */
export interface MountOptions {
  /** Collector origin; '' (default) for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Where the key is kept; sessionStorage by default. */
  storage?: Storage | null;
  /** Window whose location hash drives the routes. */
  win?: Window;
  download?: DownloadBlob;
}

/**
 * Renders the dashboard into `root` and returns a function that removes it again.
 * @example mountDashboard(document.getElementById('app')!)
 */
export function mountDashboard(root: Element, options: MountOptions = {}): () => void {
  const session = createSession(options.storage === undefined ? globalThis.sessionStorage : options.storage);
  const router = createRouter(options.win ?? window);
  const api = createApiClient({
    getKey: () => session.key.value,
    baseUrl: options.baseUrl ?? '',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    onUnauthorized: () => session.signOut('You were signed out: the collector no longer accepts this secret key. Please sign in again.'),
  });
  render(<App api={api} session={session} router={router} download={options.download ?? createDownloadBlob(root.ownerDocument)} />, root);
  return () => {
    render(null, root);
    router.dispose();
  };
}
