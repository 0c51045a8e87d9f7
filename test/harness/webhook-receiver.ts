import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './wait-for.ts';

/** One POST the receiver got. */
export interface WebhookRequest {
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as signed. */
  body: string;
}

/** A webhook receiver on 127.0.0.1 (another process than the collector), answering 200. */
export interface WebhookReceiver {
  url: string;
  readonly requests: readonly WebhookRequest[];
  /** Polls until a request matches `predicate`. */
  waitForRequest(what: string, predicate: (request: WebhookRequest) => boolean, timeout?: number): Promise<WebhookRequest>;
  close(): Promise<void>;
}

/** Starts the receiver on a free port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: WebhookRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/cairn`,
    requests,
    waitForRequest: (what, predicate, timeout = 20_000) =>
      waitFor(what, async () => requests.find(predicate), { timeout, interval: 100 }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Checks a `Cairn-Signature: t=<unix seconds>,v1=<hex>` header the way the README tells receivers
 * to: HMAC-SHA256 with the shared secret over `<t>.<raw body>`, compared in constant time, and a
 * timestamp no more than five minutes away. Written here independently of the collector's code.
 */
export function isValidCairnSignature(header: string | string[] | undefined, body: string, secret: string, now = Date.now()): boolean {
  if (typeof header !== 'string') return false;
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
