import { createServer, type Server } from 'node:http';
import { snippetFor } from './snippet.ts';

/** A host page for the experiences suite. */
export interface ExperiencePage {
  /** Collector origin: the SDK loads from and sends to it. */
  collector: string;
  writeKey: string;
  /** Signed-in user, identified as the page boots (omit for an anonymous visitor). */
  user?: { id: string; traits?: Record<string, unknown> };
  account?: { id: string; traits?: Record<string, unknown> };
  /** More `init()` options (flushInterval, locale, …). */
  init?: Record<string, unknown>;
  /** Adds `/hostile.css`, a stylesheet that restyles everything it can reach with `!important`. */
  hostileCss?: boolean;
  /** Serves the page with `Content-Security-Policy: script-src 'self' <collector>; style-src 'self'`. */
  strictCsp?: boolean;
}

/** The page server of the experiences suite (another origin than the collector). */
export interface ExperiencePageServer {
  readonly url: string;
  /** URL of a page as `page` says; `path` (default `/app/home`) is the page's own path, for URL targeting. */
  pageUrl(page: ExperiencePage, path?: string): string;
  close(): Promise<void>;
}

/**
 * Rules a careless or hostile host page might carry. `body *` reaches the widgets' host element
 * but leaves the page background alone, so screenshots of the widgets stay comparable.
 */
export const hostileCss = `
html { font-size: 31px !important; line-height: 3 !important; }
body * {
  font-family: "Courier New", monospace !important;
  color: rgb(255, 0, 255) !important;
  background: rgb(255, 255, 0) !important;
  border: 5px dashed rgb(0, 128, 0) !important;
  padding: 17px !important;
  margin: 11px !important;
  letter-spacing: 3px !important;
  text-transform: uppercase !important;
  box-sizing: content-box !important;
  border-radius: 0 !important;
  opacity: 0.9 !important;
  transform: rotate(1deg) !important;
}
div, section, p, span, h2, ol, li, form, label { display: inline !important; position: static !important; width: 50px !important; }
button, textarea { display: none !important; }
[role="dialog"], [role="radiogroup"], [role="radio"] { visibility: hidden !important; }
`;

/** The host page's own look: its content stays in the left third, clear of the widgets' corner. */
const pageCss = `
body { margin: 0; font-family: Georgia, serif; }
header, main { max-width: 30vw; }
`;

/**
 * The page's only script besides `cairn.js`, served from this origin so a strict CSP allows it:
 * it records CSP violations, then runs the SDK's published snippet (its inline code, not the
 * `<script>` element), `init`, `identify` and `group`, and subscribes `window.__cairnLog`.
 */
function bootScript(page: ExperiencePage): string {
  const snippet = snippetFor(page.collector, { writeKey: page.writeKey, host: page.collector, ...page.init } as { writeKey: string })
    .replace(/^\s*<script>/, '')
    .replace(/<\/script>\s*$/, '');
  const calls: string[] = [];
  if (page.user) calls.push(`cairn.identify(${JSON.stringify(page.user.id)}, ${JSON.stringify(page.user.traits ?? {})});`);
  if (page.account) calls.push(`cairn.group(${JSON.stringify(page.account.id)}, ${JSON.stringify(page.account.traits ?? {})});`);
  return `window.__cspViolations = [];
addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
}, true);
${snippet}
${calls.join('\n')}
window.__cairnLog = { delivered: [], dropped: [], error: [] };
['delivered', 'dropped', 'error'].forEach(function (name) {
  cairn.on(name, function (payload) { window.__cairnLog[name].push(JSON.parse(JSON.stringify(payload))); });
});
`;
}

function pageHtml(page: ExperiencePage, query: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cairn experiences fixture</title>
<link rel="stylesheet" href="/page.css">
${page.hostileCss ? '<link rel="stylesheet" href="/hostile.css">' : ''}
<script src="/boot.js?${query}"></script>
</head>
<body>
<header><p>Acme Analytics</p></header>
<main>
<h1>Reports</h1>
<p>A host page with its own content.</p>
<button type="button" id="host-button">Host page button</button>
</main>
</body>
</html>
`;
}

/** Starts the page server on a free port of 127.0.0.1. */
export async function startExperiencePageServer(): Promise<ExperiencePageServer> {
  let url = '';
  const server: Server = createServer((request, response) => {
    const { pathname, searchParams } = new URL(request.url ?? '/', url);
    const raw = searchParams.get('page');
    const page = raw ? (JSON.parse(raw) as ExperiencePage) : undefined;
    if (pathname === '/hostile.css' || pathname === '/page.css') {
      response.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
      response.end(pathname === '/page.css' ? pageCss : hostileCss);
    } else if (pathname === '/boot.js' && page) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      response.end(bootScript(page));
    } else if (pathname.startsWith('/app/') && page) {
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
      if (page.strictCsp) headers['content-security-policy'] = `script-src 'self' ${page.collector}; style-src 'self'`;
      response.writeHead(200, headers);
      response.end(pageHtml(page, new URLSearchParams({ page: raw ?? '' }).toString()));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    pageUrl: (page, path = '/app/home') => `${url}${path}?${new URLSearchParams({ page: JSON.stringify(page) })}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
