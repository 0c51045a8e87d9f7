import type { WireEvent } from '@cairn/protocol';
import type { Workspace } from '../config.ts';
import { parseHealthConfig } from '../health/index.ts';
import { demoAccounts, type DemoAccount } from './demo-accounts.ts';
import { demoEvents, type DemoEventOptions, type DemoMilestone } from './demo-events.ts';
import { createPrng } from './prng.ts';
import { sendBatches, type SendOptions, type SendResult } from './send-batches.ts';

/** The size and randomness of the demo data. */
export interface DemoDataOptions {
  /** Workspace whose `experiences` (milestones, surveys) and `health` (trait names) shape the data. */
  workspace: Pick<Workspace, 'id'> & { experiences?: unknown; health?: unknown };
  now?: number;
  /** Same seed, same day: the same data. */
  seed?: number;
  accounts?: number;
  days?: number;
}

/** The demo's accounts and every event to ingest for them. */
export interface DemoData {
  accounts: DemoAccount[];
  events: WireEvent[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function eventOptions(workspace: DemoDataOptions['workspace'], now: number, days: number): DemoEventOptions {
  const experiences = isObject(workspace.experiences) ? workspace.experiences : {};
  const milestones: DemoMilestone[] = (Array.isArray(experiences.milestones) ? experiences.milestones : []).filter(isObject).flatMap((m) =>
    typeof m.id === 'string' && typeof m.event === 'string'
      ? [{ id: m.id, event: m.event, count: typeof m.count === 'number' ? m.count : 1, ...(isObject(m.where) ? { where: m.where } : {}) }]
      : [],
  );
  const surveys = (Array.isArray(experiences.surveys) ? experiences.surveys : []).filter(isObject);
  const surveyId = (kind: string) => (surveys.find((s) => s.kind === kind && typeof s.id === 'string')?.id as string | undefined) ?? kind;
  const health = parseHealthConfig(workspace.health ?? undefined);
  return { now, days, milestones, surveys: { nps: surveyId('nps'), csat: surveyId('csat'), ces: surveyId('ces') }, traits: health.traits };
}

/**
 * Generates the demo data: ~200 accounts (thriving, average, declining, never activated,
 * detractor-heavy, new), ~2,000 users and 90 days of their activity. Deterministic for a seed and
 * a `now`.
 */
export function demoData(options: DemoDataOptions): DemoData {
  const now = options.now ?? Date.now();
  const random = createPrng(options.seed ?? 20261123);
  const accounts = demoAccounts(random, now, options.accounts ?? 200);
  const eventsOf = eventOptions(options.workspace, now, options.days ?? 90);
  return { accounts, events: accounts.flatMap((account) => demoEvents(account, random, eventsOf)) };
}

/** What {@link seedDemo} did. */
export interface SeedResult extends SendResult {
  accounts: number;
  users: number;
  events: number;
  ms: number;
}

/**
 * Fills a workspace through the collector's real ingest API.
 *
 * @example await seedDemo({ workspace, url: 'http://127.0.0.1:8600', writeKey: 'wk_demo' })
 */
export async function seedDemo(options: DemoDataOptions & Omit<SendOptions, 'batchSize'>): Promise<SeedResult> {
  const started = Date.now();
  const { accounts, events } = demoData(options);
  const result = await sendBatches(events, { ...options, batchSize: 500 });
  return { ...result, accounts: accounts.length, users: accounts.reduce((n, a) => n + a.users.length, 0), events: events.length, ms: Date.now() - started };
}
