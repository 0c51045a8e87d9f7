import type { CollectorConfig, Workspace } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { seedDemo, type SeedResult } from './seed-demo.ts';

const summary = (workspace: Workspace, result: SeedResult) =>
  `seeded workspace "${workspace.id}": ${result.accounts} accounts, ${result.users} users, ${result.events} events ` +
  `(${result.accepted} new, ${result.duplicates} already there, ${result.rejected} rejected) in ${(result.ms / 1000).toFixed(1)} s`;

/** The workspace to seed: by id, else the one owning the write key, else `demo`. */
export function seedWorkspace(config: CollectorConfig, options: { workspace?: string; key?: string }): { workspace: Workspace; writeKey: string } {
  const workspace = options.workspace
    ? config.workspaces.find((w) => w.id === options.workspace)
    : (config.workspaces.find((w) => w.writeKeys.some((k) => k.key === options.key)) ?? config.workspaces.find((w) => w.id === 'demo'));
  if (!workspace) {
    const known = config.workspaces.map((w) => w.id).join(', ');
    throw new Error(`Failed to seed: no workspace "${options.workspace ?? options.key ?? 'demo'}" in the config (it has ${known}). Please pass --workspace <id> or --key <write key>.`);
  }
  const writeKey = options.key ?? workspace.writeKeys[0]!.key;
  if (!workspace.writeKeys.some((k) => k.key === writeKey)) {
    throw new Error(`Failed to seed: write key "${writeKey}" is not one of workspace "${workspace.id}". Please pass one of its write keys with --key.`);
  }
  return { workspace, writeKey };
}

/** `cairn-collector seed --url … [--key …] [--workspace …]`: fills a running collector's workspace. */
export async function runSeedCommand(config: CollectorConfig, options: { url: string; workspace?: string; key?: string }, logger: Logger): Promise<void> {
  const { workspace, writeKey } = seedWorkspace(config, options);
  logger.info(`seeding workspace "${workspace.id}" through ${options.url}/v1/batch …`);
  const result = await seedDemo({ workspace, url: options.url, writeKey });
  logger.info(summary(workspace, result));
}

/**
 * `--seed-demo`: after the collector listens, seeds the demo workspace through its own ingest API
 * when that workspace has no events yet (a first `npm start`). Runs in the background; never
 * throws (a failure is logged).
 */
export async function autoSeedDemo(options: { db: Database; config: CollectorConfig; url: string; logger: Logger; workspace?: string }): Promise<void> {
  const { db, config, url, logger } = options;
  try {
    const { workspace, writeKey } = seedWorkspace(config, { workspace: options.workspace ?? 'demo' });
    const [any] = await db.query('SELECT 1 AS one FROM events WHERE workspace_id = $1 LIMIT 1', [workspace.id]);
    if (any) {
      logger.info(`workspace "${workspace.id}" already has events: not seeding demo data`);
      return;
    }
    logger.info(`workspace "${workspace.id}" is empty: seeding demo data through ${url}/v1/batch in the background …`);
    logger.info(summary(workspace, await seedDemo({ workspace, url, writeKey })));
  } catch (error) {
    logger.warn(`Failed to seed the demo workspace: ${(error as Error).message}`);
  }
}
