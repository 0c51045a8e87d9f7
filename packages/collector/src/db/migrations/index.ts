import { sql as events } from './0001-events.ts';
import { sql as experienceStateIndex } from './0002-experience-state-index.ts';
import { sql as accountFacts } from './0003-account-facts.ts';
import { sql as accountScores } from './0004-account-scores.ts';
import { sql as accountTimeline } from './0005-account-timeline.ts';
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
  { version: 2, name: 'experience state index', sql: experienceStateIndex },
  { version: 3, name: 'account facts', sql: accountFacts },
  { version: 4, name: 'account scores', sql: accountScores },
  { version: 5, name: 'account timeline', sql: accountTimeline },
  { version: 6, name: 'webhook-outbox', sql: webhookOutbox },
];
