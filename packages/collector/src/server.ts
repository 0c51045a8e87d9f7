import { Server as NetServer, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { stopAggregatorOf } from './accounts/running-aggregators.ts';
import type { Database } from './db/database.ts';
import type { EventWriter } from './ingest/event-writer.ts';

/** A listening collector. */
export interface RunningServer {
  url: string;
  /**
   * Graceful stop: refuses new connections, waits for in-flight requests and the writer's
   * queue, then closes the database.
   */
  close(): Promise<void>;
}

/** Starts serving `app` on `host:port`; rejects with a clear error if the port is taken. */
export function startServer(options: {
  app: Hono;
  db: Database;
  writer: EventWriter;
  port: number;
  host: string;
  /** Background work to stop once the aggregator has stopped and before the database closes (webhook delivery). */
  beforeDbClose?: () => Promise<void>;
}): Promise<RunningServer> {
  const { app, db, writer } = options;
  return new Promise((resolvePromise, rejectPromise) => {
    let inFlight = 0;
    const fetch = async (request: Request, env: unknown) => {
      inFlight += 1;
      try {
        return await app.fetch(request, env);
      } finally {
        inFlight -= 1;
      }
    };
    const server = serve({ fetch, port: options.port, hostname: options.host }) as Server;
    server.once('error', (error: NodeJS.ErrnoException) => {
      const cause = error.code === 'EADDRINUSE' ? `port ${options.port} on ${options.host} is already in use` : error.message;
      rejectPromise(new Error(`Failed to start the collector: ${cause}. Please stop the other process or pass --port.`));
    });
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      let closing: Promise<void> | undefined;
      resolvePromise({
        url: `http://${host}:${port}`,
        close() {
          closing ??= (async () => {
            // Stop listening with net.Server's close: http.Server's own close() also destroys
            // "idle" sockets at once, including accepted ones whose request is not parsed yet
            // (a busy event loop, e.g. PGlite inserting), which would reset those requests.
            const closed = new Promise<void>((done) => NetServer.prototype.close.call(server, () => done()));
            const deadline = Date.now() + 10_000;
            let quiet = 0;
            while (quiet < 2 && Date.now() < deadline) {
              await new Promise((r) => setTimeout(r, 50));
              quiet = inFlight === 0 ? quiet + 1 : 0;
            }
            // Every request received is answered: close keep-alive sockets, then any left at the deadline.
            server.closeIdleConnections();
            const timer = setTimeout(() => server.closeAllConnections(), Math.max(0, deadline - Date.now()));
            await closed;
            clearTimeout(timer);
            await writer.drain();
            await stopAggregatorOf(db);
            await options.beforeDbClose?.();
            await db.close();
          })();
          return closing;
        },
      });
    });
  });
}
