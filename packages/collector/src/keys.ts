import type { CollectorConfig, Workspace, WriteKey } from './config.ts';

/** Lookup of a request's key to its workspace. */
export interface KeyIndex {
  /** The workspace and key entry for a write key, if known. */
  byWriteKey(key: string): { workspace: Workspace; writeKey: WriteKey } | undefined;
  /** The workspace for a secret key, if known. */
  bySecretKey(key: string): Workspace | undefined;
}

/** Builds constant-time-per-lookup maps from the config. */
export function createKeyIndex(config: CollectorConfig): KeyIndex {
  const write = new Map<string, { workspace: Workspace; writeKey: WriteKey }>();
  const secret = new Map<string, Workspace>();
  for (const workspace of config.workspaces) {
    for (const writeKey of workspace.writeKeys) write.set(writeKey.key, { workspace, writeKey });
    for (const key of workspace.secretKeys) secret.set(key, workspace);
  }
  return { byWriteKey: (key) => write.get(key), bySecretKey: (key) => secret.get(key) };
}

/** Whether a browser origin may post with this write key. */
export function isOriginAllowed(writeKey: WriteKey, origin: string | undefined): boolean {
  if (!origin) return true; // not a browser request (server-side SDK, curl)
  return writeKey.allowedOrigins.includes('*') || writeKey.allowedOrigins.includes(origin);
}
