import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
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
export function startServer(options: { app: Hono; db: Database; writer: EventWriter; port: number; host: string }): Promise<RunningServer> {
  const { app, db, writer } = options;
  return new Promise((resolvePromise, rejectPromise) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }) as Server;
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
            // close() stops accepting and resolves once in-flight requests are answered;
            // idle keep-alive sockets would hold it open, so they are closed now.
            const closed = new Promise<void>((done) => server.close(() => done()));
            server.closeIdleConnections();
            await closed;
            await writer.drain();
            await db.close();
          })();
          return closing;
        },
      });
    });
  });
}
