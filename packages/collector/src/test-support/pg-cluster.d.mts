/** Directory of initdb/pg_ctl, or undefined when PostgreSQL is not installed. */
export function findPostgresBin(): string | undefined;
/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number>;
/** Starts a private throw-away cluster; `stop()` removes it. */
export function startPostgresCluster(options?: { settings?: Record<string, string> }): Promise<{ url: string; port: number; stop(): void }>;
