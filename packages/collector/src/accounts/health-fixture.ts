import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createApp } from '../app.ts';
import { parseConfig, type CollectorConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { AccountChange } from './account-change.ts';
import { createHealthAggregator, type HealthAggregator } from './health-aggregator.ts';

/** The fixed "now" of the account-health tests: a Monday noon, UTC. */
export const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const DAY = 86_400_000;

/** An ISO time `days` days (fractions allowed) before {@link NOW}. */
export const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

/** One workspace with a health section: 2 required milestones of 4. */
export const healthConfig: CollectorConfig = parseConfig({
  workspaces: [
    {
      id: 'acme',
      name: 'Acme',
      writeKeys: ['wk_acme'],
      secretKeys: ['sk_acme'],
      rateLimit: { eventsPerSecond: 1_000_000, burst: 1_000_000 },
      health: { milestones: { required: ['created_project', 'invited_teammate'], all: ['shared_report', 'exported_csv'] } },
    },
    { id: 'other', name: 'Other', writeKeys: ['wk_other'], secretKeys: ['sk_other'] },
  ],
});

/** An app on `db` with an unstarted aggregator the test drives with `catchUp()`, recording every change. */
export function healthApp(db: Database, now = () => NOW): { app: Hono; aggregator: HealthAggregator; changes: AccountChange[] } {
  const changes: AccountChange[] = [];
  const aggregator = createHealthAggregator({ db, config: healthConfig, now, onChange: (change) => changes.push(change) });
  const app = createApp({ db, config: healthConfig, aggregator, now });
  return { app, aggregator, changes };
}

/** A wire event with a fresh messageId. */
export function ev(type: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { type, messageId: randomUUID(), ...fields };
}

/** Posts a batch with the acme write key and checks every event was accepted. */
export async function ingest(app: Hono, batch: Record<string, unknown>[], key = 'wk_acme'): Promise<void> {
  const res = await app.request('/v1/batch', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    body: JSON.stringify({ batch }),
  });
  const body = (await res.json()) as { accepted: number; rejected: unknown[] };
  if (res.status !== 200 || body.accepted !== batch.length) throw new Error(`ingest failed: ${res.status} ${JSON.stringify(body)}`);
}

// Response bodies are checked field by field with toMatchObject; typing each one would only repeat the protocol types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** GET with a Bearer key; returns status and parsed JSON (or text). */
export async function get(app: Hono, path: string, key: string | null = 'sk_acme', method = 'GET'): Promise<{ status: number; body: Any; text: string; headers: Headers }> {
  const res = await app.request(path, { method, headers: key === null ? {} : { authorization: `Bearer ${key}` } });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV
  }
  return { status: res.status, body, text, headers: res.headers };
}

/**
 * Three accounts with hand-computed scores (see health-aggregator.test.ts):
 * - `big` (tier A): activated in time, 3 of 4 milestones, 10 active days, 3 of 5 users active, last seen 2 days ago,
 *   NPS 10, 9, 6;
 * - `late`: signed up 40 days ago, one user, no milestone, active 35 and 5 days ago;
 * - `renew`: signed up 400 days ago, contract ends in 30 days, never active.
 */
export function scenarioEvents(): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (const user of ['u1', 'u2', 'u3', 'u4', 'u5']) {
    events.push(ev('group', { userId: user, groupId: 'big', timestamp: daysAgo(60), traits: { name: 'Big Co', tier: 'A', createdAt: daysAgo(60) } }));
  }
  events.push(ev('track', { userId: 'u4', groupId: 'big', event: 'Milestone Reached', properties: { milestone: 'created_project' }, timestamp: daysAgo(55) }));
  events.push(ev('track', { userId: 'u4', groupId: 'big', event: 'Milestone Reached', properties: { milestone: 'invited_teammate' }, timestamp: daysAgo(50) }));
  events.push(ev('track', { userId: 'u4', groupId: 'big', event: 'Milestone Reached', properties: { milestone: 'shared_report' }, timestamp: daysAgo(40) }));
  for (let k = 2; k <= 11; k += 1) {
    // No groupId: attributed through the user's account.
    events.push(ev('track', { userId: k <= 6 ? 'u1' : 'u2', event: 'Report Shared', timestamp: daysAgo(k) }));
  }
  events.push(ev('track', { userId: 'u1', groupId: 'big', event: 'Survey Responded', properties: { surveyId: 'nps-q4', kind: 'nps', score: 10 }, timestamp: daysAgo(2) }));
  events.push(ev('track', { userId: 'u2', groupId: 'big', event: 'Survey Responded', properties: { surveyId: 'nps-q4', kind: 'nps', score: 9 }, timestamp: daysAgo(3) }));
  events.push(
    ev('track', { userId: 'u3', groupId: 'big', event: 'Survey Responded', properties: { surveyId: 'nps-q4', kind: 'nps', score: 6, comment: 'Exports are slow' }, timestamp: daysAgo(4) }),
  );

  events.push(ev('group', { userId: 'u10', groupId: 'late', timestamp: daysAgo(40), traits: { name: 'Late Ltd', createdAt: daysAgo(40) } }));
  events.push(ev('track', { userId: 'u10', groupId: 'late', event: 'Report Shared', timestamp: daysAgo(35) }));
  events.push(ev('track', { userId: 'u10', groupId: 'late', event: 'Report Shared', timestamp: daysAgo(5) }));

  events.push(ev('group', { userId: 'u20', groupId: 'renew', timestamp: daysAgo(20), traits: { name: 'Renew Inc', createdAt: daysAgo(400), contractEndAt: daysAgo(-30) } }));
  return events;
}
