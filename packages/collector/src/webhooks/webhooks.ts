import { randomUUID } from 'node:crypto';
import type { AccountChange } from '../accounts/account-change.ts';
import type { CollectorConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { WebhookTarget } from './webhook-config.ts';
import { createWebhookDispatcher, type DispatcherOptions } from './webhook-dispatcher.ts';
import { webhookMessage } from './webhook-message.ts';
import { createWebhookOutbox, type WebhookOutbox } from './webhook-outbox.ts';

/** The collector's webhooks: a durable outbox fed by account changes and the loop that sends it. */
export interface Webhooks {
  /**
   * Queues one delivery per target subscribed to the change's kind and wakes the sender. Only an
   * insert: it never waits for a receiver. Never rejects (a failure is logged), so it can be the
   * aggregator's `onChange` listener as is.
   */
  notify(change: AccountChange): Promise<void>;
  /** Starts sending (no-op when no workspace has webhooks). */
  start(): void;
  /** Graceful stop: see {@link WebhookDispatcher.stop}. Call before closing the database. */
  stop(graceMs?: number): Promise<void>;
  readonly outbox: WebhookOutbox;
}

/** What {@link createWebhooks} needs; `fetch`, `now` and `random` are there for tests. */
export interface WebhooksOptions extends DispatcherOptions {
  db: Database;
  config: CollectorConfig;
  logger?: Logger;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  random?: () => number;
}

/**
 * Wires account changes to the workspaces' `webhooks` targets.
 *
 * @example
 * const webhooks = createWebhooks({ db, config, logger });
 * const aggregator = createAggregator({ db, config, onChange: webhooks.notify });
 * webhooks.start(); // … and `await webhooks.stop()` before `db.close()`
 */
export function createWebhooks(options: WebhooksOptions): Webhooks {
  const { db, config } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const outbox = createWebhookOutbox(db, now);
  const workspaces = new Map(config.workspaces.map((w) => [w.id, { name: w.name, targets: (w.webhooks as WebhookTarget[] | undefined) ?? [] }]));
  const anyTargets = [...workspaces.values()].some((w) => w.targets.length > 0);
  const dispatcher = createWebhookDispatcher({
    ...options,
    outbox,
    logger,
    now,
    targetOf: (workspaceId, url) => workspaces.get(workspaceId)?.targets.find((t) => t.url === url),
  });

  return {
    outbox,
    async notify(change) {
      const workspace = workspaces.get(change.workspaceId);
      const targets = workspace?.targets.filter((t) => t.events.includes(change.kind)) ?? [];
      if (!workspace || targets.length === 0) return;
      const createdAt = new Date(now()).toISOString();
      const deliveries = targets.map((target) => {
        const id = randomUUID();
        const body = JSON.stringify(webhookMessage(change, { deliveryId: id, createdAt, workspaceName: workspace.name }));
        return { id, workspaceId: change.workspaceId, url: target.url, kind: change.kind, accountId: change.accountId, body };
      });
      try {
        await outbox.enqueue(deliveries);
        dispatcher.wake();
      } catch (error) {
        logger.error(`Failed to queue the ${change.kind} webhook of ${change.workspaceId}/${change.accountId}: ${(error as Error).message}. Please check the database.`);
      }
    },
    start() {
      if (anyTargets) dispatcher.start();
    },
    stop: (graceMs) => dispatcher.stop(graceMs),
  };
}
