import { sql as events } from './0001-events.ts';
import { sql as webhookOutbox } from './0006-webhook-outbox.ts';

/** One schema change, applied once, in `version` order. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every migration, oldest first. Append new ones at the end with the next version;
 * never edit one that has shipped.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'events', sql: events },
  { version: 6, name: 'webhook-outbox', sql: webhookOutbox },
];
