import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from './collector-process.ts';
import { snippetFor, type InitOptions } from './snippet.ts';

const sdkBundle = join(repoRoot, 'packages/sdk/dist/cairn.js');

/** Where a fixture page loads `cairn.js` from. */
export type ScriptSource = 'collector' | 'fixtures';

/** What to put in a fixture page. */
export interface FixturePage {
  /** Collector origin the SDK sends to. */
  collector: string;
  init: Omit<InitOptions, 'host'>;
  /**
   * `collector` (default) loads `<collector>/cairn.js` like a vendor's page; `fixtures` loads the
   * same built bundle from this server, so the page and the SDK still load while the collector is down.
   */
  script?: ScriptSource;
}

/** A static server on its own port (another origin than the collector) for test pages. */
export interface FixtureServer {
  readonly url: string;
  /** URL of a page that embeds the snippet as `page` says. */
  pageUrl(page: FixturePage): string;
  close(): Promise<void>;
}

/**
 * A page with the snippet, plus `window.__cairnLog`, which records what the SDK reports
 * through `cairn.on()` (subscribed through the stub, so nothing is missed before the script loads).
 */
function fixtureHtml(page: FixturePage, selfUrl: string): string {
  const scriptHost = page.script === 'fixtures' ? selfUrl : page.collector;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cairn fixture</title>
${snippetFor(scriptHost, { ...page.init, host: page.collector })}
<script>
  window.__cairnLog = { delivered: [], dropped: [], error: [] };
  ['delivered', 'dropped', 'error'].forEach(function (name) {
    cairn.on(name, function (payload) { window.__cairnLog[name].push(JSON.parse(JSON.stringify(payload))); });
  });
</script>
</head>
<body><main><h1>Cairn fixture page</h1></main></body>
</html>
`;
}

/** Starts the fixture server on a free port of 127.0.0.1. */
export async function startFixtureServer(): Promise<FixtureServer> {
  let url = '';
  const server: Server = createServer((request, response) => {
    const { pathname, searchParams } = new URL(request.url ?? '/', url);
    if (pathname === '/page') {
      const page = JSON.parse(searchParams.get('config') ?? '{}') as FixturePage;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(fixtureHtml(page, url));
      return;
    }
    if (pathname === '/cairn.js' && existsSync(sdkBundle)) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      createReadStream(sdkBundle).pipe(response);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    pageUrl: (page) => `${url}/page?${new URLSearchParams({ config: JSON.stringify(page) })}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
