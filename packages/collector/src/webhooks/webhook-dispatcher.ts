import type { Logger } from '../logger.ts';
import { backoffDelay, DEFAULT_RETRY_POLICY, retryAfterDelay, type RetryPolicy } from './retry-delay.ts';
import { SIGNATURE_HEADER, signBody } from './signature.ts';
import type { WebhookTarget } from './webhook-config.ts';
import type { ClaimedDelivery, WebhookOutbox } from './webhook-outbox.ts';

/** Tuning of the delivery loop; every field has a default. */
export interface DispatcherOptions {
  /** Attempts before a delivery is given up (default 10: about 17 minutes of retries). */
  maxAttempts?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Longest sleep between looks at the outbox, for rows queued or due elsewhere (default 1 s). */
  pollMs?: number;
}

/** What the dispatcher needs; `fetch`, `now` and `random` are there for tests. */
export interface DispatcherDeps extends DispatcherOptions {
  outbox: WebhookOutbox;
  /** The configured target of a row, or undefined once it was removed from the config. */
  targetOf(workspaceId: string, url: string): WebhookTarget | undefined;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  random?: () => number;
}

/** The background loop that POSTs the outbox's deliveries. */
export interface WebhookDispatcher {
  start(): void;
  /** Looks at the outbox now instead of at the next poll (after an enqueue). */
  wake(): void;
  /**
   * Stops taking deliveries, lets requests in flight finish for up to `graceMs`, then aborts the
   * rest and puts them back as due (they are sent again after a restart: at least once).
   */
  stop(graceMs?: number): Promise<void>;
}

type Outcome = { kind: 'delivered' } | { kind: 'retry'; status: number | null; error: string; retryAfterMs?: number } | { kind: 'refused'; status: number; error: string };

const USER_AGENT = 'cairn-webhooks/0.1';

/** Creates the dispatcher; call `start()` once the database is open. */
export function createWebhookDispatcher(deps: DispatcherDeps): WebhookDispatcher {
  const { outbox, logger } = deps;
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const maxAttempts = deps.maxAttempts ?? 10;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;
  const concurrency = deps.concurrency ?? 4;
  const pollMs = deps.pollMs ?? 1_000;
  // A claimed row stays leased a little past its request's timeout, then any collector may retry it.
  const leaseMs = timeoutMs + 5_000;

  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let woken = false;
  const inFlight = new Map<string, { done: Promise<void>; abort: AbortController }>();

  const wake = () => {
    woken = true;
    wakeUp?.();
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || !running) return resolve();
      const timer = setTimeout(() => {
        wakeUp = undefined;
        resolve();
      }, ms);
      wakeUp = () => {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      };
    });

  async function attempt(delivery: ClaimedDelivery, target: WebhookTarget, abort: AbortController): Promise<Outcome> {
    const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(timeoutMs)]);
    let response: Response;
    try {
      response = await fetchImpl(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          [SIGNATURE_HEADER]: signBody(target.secret, Math.floor(now() / 1000), delivery.body),
          'Cairn-Delivery': delivery.id,
          'Cairn-Event': delivery.kind,
        },
        body: delivery.body,
        // A redirect would turn the signed POST into a GET elsewhere: report it instead.
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      const cause = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
      return { kind: 'retry', status: null, error: cause };
    }
    // Read (and bound) the answer so the connection is reused and the reason can be recorded.
    const text = await response.text().catch(() => '');
    const detail = `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
    if (response.status >= 200 && response.status < 300) return { kind: 'delivered' };
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      const retryAfterMs = retryAfterDelay(response.headers.get('retry-after'), now(), policy.maxDelayMs);
      return { kind: 'retry', status: response.status, error: detail, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    }
    return { kind: 'refused', status: response.status, error: detail };
  }

  async function deliver(delivery: ClaimedDelivery, abort: AbortController): Promise<void> {
    const target = deps.targetOf(delivery.workspaceId, delivery.url);
    if (!target) {
      await outbox.giveUp(delivery.id, null, 'the target is no longer in the workspace config');
      return;
    }
    const outcome = await attempt(delivery, target, abort);
    if (abort.signal.aborted && outcome.kind === 'retry') {
      await outbox.release(delivery.id, now());
      return;
    }
    const where = `webhook ${delivery.kind} for ${delivery.workspaceId}/${delivery.accountId ?? '-'} to ${new URL(delivery.url).host}`;
    if (outcome.kind === 'delivered') {
      await outbox.delivered(delivery.id);
    } else if (outcome.kind === 'refused') {
      logger.warn(`Failed to deliver ${where}: the receiver refused it (${outcome.error}). Please check the URL; not retrying.`);
      await outbox.giveUp(delivery.id, outcome.status, outcome.error);
    } else if (delivery.attempts >= maxAttempts) {
      logger.warn(`Failed to deliver ${where}: ${outcome.error} on all ${maxAttempts} attempts. Please check the receiver; given up.`);
      await outbox.giveUp(delivery.id, outcome.status, outcome.error);
    } else {
      const delay = outcome.retryAfterMs ?? backoffDelay(delivery.attempts, policy, random());
      await outbox.retryAt(delivery.id, now() + delay, outcome.status, outcome.error);
    }
  }

  async function run(): Promise<void> {
    while (running) {
      woken = false;
      let claimed: ClaimedDelivery[] = [];
      const free = concurrency - inFlight.size;
      try {
        if (free > 0) claimed = await outbox.claim(now(), free, now() + leaseMs);
      } catch (error) {
        logger.warn(`Failed to read the webhook outbox: ${(error as Error).message}. Please check the database; retrying.`);
      }
      for (const delivery of claimed) {
        const abort = new AbortController();
        const done = deliver(delivery, abort)
          .catch((error: unknown) => logger.warn(`Failed to record webhook delivery ${delivery.id}: ${(error as Error).message}. Please check the database; it will be retried.`))
          .finally(() => {
            inFlight.delete(delivery.id);
            wake();
          });
        inFlight.set(delivery.id, { done, abort });
      }
      if (claimed.length > 0 && claimed.length === free) continue;
      let wait = pollMs;
      if (inFlight.size < concurrency) {
        const due = await outbox.nextDueAt().catch(() => null);
        if (due !== null) wait = Math.min(pollMs, Math.max(0, due - now()));
      }
      // A due row claimed by another collector keeps "due" in the past until its lease is written: do not spin.
      await sleep(Math.max(wait, 10));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake,
    async stop(graceMs = 2_000) {
      if (!running) return;
      running = false;
      wake();
      await loop;
      const pending = [...inFlight.values()];
      const timer = setTimeout(() => pending.forEach((p) => p.abort.abort()), graceMs);
      await Promise.all(pending.map((p) => p.done));
      clearTimeout(timer);
    },
  };
}
