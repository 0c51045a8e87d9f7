import type { SurveyKind } from '@cairn/protocol';
import { addDays, DAY_MS, utcDay } from './days.ts';
import type { HealthConfig } from './health-config.ts';

/** Activity of one account on one UTC day. */
export interface DayActivity {
  /** Events of any type the account's users sent that day. */
  events: number;
  /** Distinct user ids (or anonymous ids) active that day; a set, so re-adding one is a no-op. */
  users: string[];
}

/** The north-star event on one UTC day. */
export interface NorthStarDay {
  /** Number of north-star events. */
  count: number;
  /** Sum of the configured numeric property (0 when not configured). */
  sum: number;
  /** Distinct users who sent the north-star event. */
  users: string[];
}

/** First time the account reached a milestone (any of its users). */
export interface MilestoneFact {
  milestone: string;
  reachedAt: string;
}

/** One `Survey Responded` event. */
export interface SurveyResponseFact {
  kind: SurveyKind;
  score: number;
  at: string;
  /** null for anonymous respondents (each anonymous response counts on its own). */
  userId: string | null;
}

/**
 * Everything the health model reads about one account. Each field is maintained incrementally as events
 * arrive, without rescanning raw events:
 * - `traits`: last group traits (merge on `group`);
 * - `signupAt`: the `createdAt` group trait when present, else the first event's time (min);
 * - `contractEndAt`: the contract-end group trait, parsed;
 * - `milestones`: insert on first `Milestone Reached` per milestone (min `reachedAt`);
 * - `activity`: per UTC day, `events += 1` and add the user to the day's set;
 * - `responses`: append each `Survey Responded` (only `factsHorizonDays` need keeping);
 * - `knownUsers`: distinct users ever seen for the account;
 * - `lastSeenAt`: max event time;
 * - `northStar`: per UTC day, for the configured event: count, property sum, user set.
 */
export interface AccountFacts {
  accountId: string;
  traits: Record<string, unknown>;
  signupAt: string | null;
  contractEndAt: string | null;
  milestones: MilestoneFact[];
  /** UTC day `YYYY-MM-DD` → activity; days without activity are absent. */
  activity: Record<string, DayActivity>;
  responses: SurveyResponseFact[];
  knownUsers: number;
  lastSeenAt: string | null;
  /** UTC day `YYYY-MM-DD` → north-star bucket; absent when no north star is configured. */
  northStar?: Record<string, NorthStarDay>;
}

/**
 * How many days of day buckets and survey responses the model ever reads, so the aggregator can prune older
 * rows: two usage windows (current and previous), the longest survey or detractor window, and the north-star
 * series (`windowWeeks` Monday-start weeks ending with the current, partial one).
 */
export function factsHorizonDays(config: HealthConfig): number {
  const { surveyWindows: s } = config;
  return Math.max(
    2 * config.usage.windowDays,
    s.npsDays,
    s.csatDays,
    s.cesDays,
    config.detractorWindowDays,
    config.northStar ? config.northStar.windowWeeks * 7 : 0,
  );
}

/**
 * Drops day buckets and survey responses older than `factsHorizonDays`, which the model never reads:
 * scoring the pruned facts gives the same result. Milestones, traits and counters are kept.
 */
export function pruneFacts(facts: AccountFacts, config: HealthConfig, now: Date): AccountFacts {
  const horizon = factsHorizonDays(config);
  const firstDay = addDays(utcDay(now), -horizon);
  const since = now.getTime() - horizon * DAY_MS;
  const keep = <T>(days: Record<string, T>) => Object.fromEntries(Object.entries(days).filter(([day]) => day >= firstDay));
  return {
    ...facts,
    activity: keep(facts.activity),
    responses: facts.responses.filter((r) => Date.parse(r.at) >= since),
    ...(facts.northStar ? { northStar: keep(facts.northStar) } : {}),
  };
}
