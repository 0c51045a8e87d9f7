import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, defaultRootDir } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { createEventWriter } from './ingest/event-writer.ts';
import { createLogger } from './logger.ts';
import { autoSeedDemo, runSeedCommand } from './seed/seed-command.ts';
import { startServer } from './server.ts';
import { createWebhooks } from './webhooks/webhooks.ts';

const USAGE = `Usage: cairn-collector [--port 8600] [--host 127.0.0.1] [--config cairn.config.json] [--data ./.cairn] [--seed-demo]
       cairn-collector seed [--url http://127.0.0.1:8600] [--key wk_demo] [--workspace demo] [--config cairn.config.json]
--seed-demo: once listening, fill the demo workspace with demo data if it has no events (first start).
seed: fill a workspace of a running collector with ~200 accounts of demo data through its ingest API.
Environment: PORT, HOST, DATABASE_URL (PostgreSQL instead of the embedded PGlite in --data).`;

async function main(): Promise<void> {
  const logger = createLogger();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'seed-demo': { type: 'boolean' },
      url: { type: 'string' },
      key: { type: 'string' },
      workspace: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? process.env.PORT ?? 8600);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Failed to start the collector: port "${values.port ?? process.env.PORT}" is not a port number. Please pass --port 0-65535.`);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const config = await loadConfig(resolve(values.config ?? resolve(defaultRootDir, 'cairn.config.json')));
  if (positionals[0] === 'seed') {
    const url = values.url ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    await runSeedCommand(config, { url, ...(values.key ? { key: values.key } : {}), ...(values.workspace ? { workspace: values.workspace } : {}) }, logger);
    return;
  }
  if (positionals.length > 0) throw new Error(`Failed to start the collector: unknown command "${positionals[0]}". Please run it without one, or with "seed".`);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = resolve(values.data ?? '.cairn');
  const db = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  const writer = createEventWriter(db);
  // The aggregator's change hook only queues a row in the webhook outbox; delivery runs in the background.
  const webhooks = createWebhooks({ db, config, logger });
  const app = createApp({ db, config, writer, logger, onAccountChange: (change) => void webhooks.notify(change) });
  let server;
  try {
    server = await startServer({ app, db, writer, port, host, beforeDbClose: () => webhooks.stop() });
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  const store = databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`;
  console.log(`[cairn] collector listening on ${server.url} (${store}, ${config.workspaces.length} workspace(s))`);
  webhooks.start();
  if (values['seed-demo']) void autoSeedDemo({ db, config, url: server.url, logger, ...(values.workspace ? { workspace: values.workspace } : {}) });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining requests and closing the database`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Failed to shut down cleanly: ${(error as Error).message}.`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`[cairn] ${(error as Error).message}`);
  process.exit(1);
});
