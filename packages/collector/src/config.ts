import { readFile } from 'node:fs/promises';
import { parseWorkspaceExperiences } from './experiences/workspace-experiences.ts';
import { parseWebhooks, type WebhookTarget } from './webhooks/webhook-config.ts';

/** A public key for ingest, safe to ship in a browser page. */
export interface WriteKey {
  key: string;
  /** Origins allowed to post with this key; `"*"` allows any. */
  allowedOrigins: string[];
}

/** Token bucket for one write key, in events. */
export interface RateLimit {
  eventsPerSecond: number;
  burst: number;
}

/**
 * One workspace (one vendor product). Unknown fields (`experiences`, `health`, …) are kept
 * as they are, for the parts of the collector that read them.
 */
export interface Workspace {
  id: string;
  name: string;
  writeKeys: WriteKey[];
  /** Keys for the CSM API. Never sent to a browser: use {@link toPublicWorkspace}. */
  secretKeys: string[];
  rateLimit: RateLimit;
  /** Webhook targets of account changes (validated; absent when the config has none). */
  webhooks?: WebhookTarget[];
  [field: string]: unknown;
}

/** The collector's configuration file (`cairn.config.json`). */
export interface CollectorConfig {
  workspaces: Workspace[];
}

/**
 * Default write-key budget. A write key is shared by every end user of a vendor's product,
 * so it is generous: it stops a runaway sender, not ordinary traffic.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { eventsPerSecond: 1000, burst: 10000 };

const fail = (cause: string, fix: string): never => {
  throw new Error(`Failed to load the collector config: ${cause}. Please ${fix}.`);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isKey = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function parseRateLimit(raw: unknown, at: string): RateLimit {
  if (raw === undefined) return { ...DEFAULT_RATE_LIMIT };
  if (!isObject(raw)) return fail(`${at}.rateLimit is not an object`, 'give { "eventsPerSecond": N, "burst": N }');
  const eventsPerSecond = raw.eventsPerSecond ?? DEFAULT_RATE_LIMIT.eventsPerSecond;
  const burst = raw.burst ?? Math.max(DEFAULT_RATE_LIMIT.burst, Number(eventsPerSecond));
  for (const [name, value] of [['eventsPerSecond', eventsPerSecond], ['burst', burst]] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      fail(`${at}.rateLimit.${name} is ${JSON.stringify(value)}`, 'use a positive number');
    }
  }
  return { eventsPerSecond: eventsPerSecond as number, burst: burst as number };
}

function parseWriteKey(raw: unknown, at: string): WriteKey {
  if (isKey(raw)) return { key: raw, allowedOrigins: ['*'] };
  if (!isObject(raw) || !isKey(raw.key)) return fail(`${at} has no "key" string`, 'give { "key": "wk_…", "allowedOrigins": ["*"] }');
  const origins = raw.allowedOrigins ?? ['*'];
  if (!Array.isArray(origins) || !origins.every(isKey)) {
    return fail(`${at}.allowedOrigins is not a list of origins`, 'give e.g. ["https://app.example.com"] or ["*"]');
  }
  return { key: raw.key, allowedOrigins: origins };
}

function parseWorkspace(raw: unknown, index: number): Workspace {
  const at = `workspaces[${index}]`;
  if (!isObject(raw)) return fail(`${at} is not an object`, 'give each workspace as { "id", "name", "writeKeys", "secretKeys" }');
  if (!isKey(raw.id) || !/^[A-Za-z0-9_-]{1,64}$/.test(raw.id)) {
    return fail(`${at}.id is ${JSON.stringify(raw.id)}`, 'use 1-64 letters, digits, "-" or "_"');
  }
  if (!Array.isArray(raw.writeKeys) || raw.writeKeys.length === 0) {
    return fail(`${at} ("${raw.id}") has no writeKeys`, 'add at least one write key');
  }
  if (raw.secretKeys !== undefined && (!Array.isArray(raw.secretKeys) || !raw.secretKeys.every(isKey))) {
    return fail(`${at}.secretKeys is not a list of strings`, 'give e.g. ["sk_…"]');
  }
  return {
    ...raw,
    id: raw.id,
    name: typeof raw.name === 'string' ? raw.name : raw.id,
    writeKeys: raw.writeKeys.map((key, k) => parseWriteKey(key, `${at}.writeKeys[${k}]`)),
    secretKeys: (raw.secretKeys as string[] | undefined) ?? [],
    rateLimit: parseRateLimit(raw.rateLimit, at),
    ...(raw.webhooks === undefined ? {} : { webhooks: parseWebhooks(raw.webhooks, at) }),
    ...(raw.experiences === undefined ? {} : { experiences: parseWorkspaceExperiences(raw.experiences, at) }),
  };
}

/**
 * Validates a parsed config object. Throws an error naming the faulty field.
 *
 * @example parseConfig({ workspaces: [{ id: 'demo', writeKeys: ['wk_demo'], secretKeys: ['sk_demo'] }] })
 */
export function parseConfig(raw: unknown): CollectorConfig {
  if (!isObject(raw) || !Array.isArray(raw.workspaces)) return fail('it has no "workspaces" list', 'give { "workspaces": [ … ] }');
  const workspaces = raw.workspaces.map(parseWorkspace);
  const seen = new Set<string>();
  for (const workspace of workspaces) {
    if (seen.has(`ws:${workspace.id}`)) fail(`workspace id "${workspace.id}" appears twice`, 'give each workspace its own id');
    seen.add(`ws:${workspace.id}`);
    for (const key of [...workspace.writeKeys.map((k) => k.key), ...workspace.secretKeys]) {
      if (seen.has(key)) fail(`key "${key}" is used twice`, 'give every write key and secret key its own value');
      seen.add(key);
    }
  }
  return { workspaces };
}

/** Reads and validates a config file. */
export async function loadConfig(path: string): Promise<CollectorConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${code})`, 'create it or pass --config <file>');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(`${path} is not valid JSON (${(error as Error).message})`, 'fix the JSON syntax');
  }
  return parseConfig(raw);
}

/** The workspace without its secret keys and webhook secrets: the only shape that may reach a browser. */
export function toPublicWorkspace(workspace: Workspace): Omit<Workspace, 'secretKeys' | 'webhooks'> {
  const { secretKeys: _secretKeys, webhooks: _webhooks, ...rest } = workspace;
  return rest;
}
