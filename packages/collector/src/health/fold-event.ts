import { RESERVED_EVENTS, SURVEY_SCALES, type SurveyKind, type WireEvent } from '@cairn/protocol';
import type { AccountFacts, DayActivity, NorthStarDay } from './account-facts.ts';
import { utcDay } from './days.ts';
import type { HealthConfig } from './health-config.ts';

/**
 * An account's facts plus what keeping them incrementally needs; in SQL these are the `account_users`
 * table and a flag column next to `signup_at`.
 */
export interface FactsState {
  facts: AccountFacts;
  /** Every user key (userId, else anonymousId) seen for the account; `facts.knownUsers` is its size. */
  users: ReadonlySet<string>;
  /** Whether `signupAt` came from the signup trait, which wins over the first event's time. */
  signupFromTrait: boolean;
}

/** The state of an account nothing is known about yet. */
export function emptyFactsState(accountId: string): FactsState {
  return {
    facts: { accountId, traits: {}, signupAt: null, contractEndAt: null, milestones: [], activity: {}, responses: [], knownUsers: 0, lastSeenAt: null },
    users: new Set(),
    signupFromTrait: false,
  };
}

/** A trait as an ISO instant: ISO strings and epoch milliseconds are accepted, anything else is not a date. */
function traitDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

const earlier = (a: string | null, b: string) => (a === null || Date.parse(b) < Date.parse(a) ? b : a);
const later = (a: string | null, b: string) => (a === null || Date.parse(b) > Date.parse(a) ? b : a);
const withUser = (users: string[], user: string | null): string[] => (user === null || users.includes(user) ? users : [...users, user]);

/**
 * Folds one stored event of the account into its facts and returns the new state (the input is not
 * modified). This is the reference for the SQL aggregator: each branch is one upsert.
 *
 * Call it once per newly stored `messageId` (it is not idempotent: a duplicate would count twice), with the
 * skew-corrected `timestamp`, and only for events already attributed to this account. Apart from traits
 * (last write wins, as in Segment), the result does not depend on the order events are folded in, so late
 * events from an offline queue need no special handling.
 */
export function foldEvent(state: FactsState, event: WireEvent, config: HealthConfig): FactsState {
  const at = traitDate(event.timestamp);
  if (at === null) return state;
  const user = event.userId ?? event.anonymousId ?? null;
  const facts: AccountFacts = { ...state.facts };
  let { users, signupFromTrait } = state;

  if (user !== null && !users.has(user)) {
    users = new Set(users).add(user);
    facts.knownUsers = users.size;
  }
  if (!signupFromTrait) facts.signupAt = earlier(facts.signupAt, at);

  if (event.type === 'group' && event.traits) {
    facts.traits = { ...facts.traits, ...event.traits };
    const signup = traitDate(event.traits[config.traits.signupAt]);
    if (signup !== null) {
      facts.signupAt = signup;
      signupFromTrait = true;
    }
    if (config.traits.contractEndAt in event.traits) facts.contractEndAt = traitDate(event.traits[config.traits.contractEndAt]);
  }

  // Usage is what users do in the product; identify and group calls describe them and do not count.
  if (event.type === 'track' || event.type === 'page') {
    const day = utcDay(at);
    const bucket: DayActivity = facts.activity[day] ?? { events: 0, users: [] };
    facts.activity = { ...facts.activity, [day]: { events: bucket.events + 1, users: withUser(bucket.users, user) } };
    facts.lastSeenAt = later(facts.lastSeenAt, at);
  }

  if (event.type === 'track') {
    const props = event.properties ?? {};
    if (event.event === RESERVED_EVENTS.milestoneReached && typeof props.milestone === 'string' && props.milestone !== '') {
      const milestone = props.milestone;
      const known = facts.milestones.find((m) => m.milestone === milestone);
      if (!known) facts.milestones = [...facts.milestones, { milestone, reachedAt: at }];
      else if (Date.parse(at) < Date.parse(known.reachedAt)) {
        facts.milestones = facts.milestones.map((m) => (m === known ? { milestone, reachedAt: at } : m));
      }
    }
    const kind = props.kind as SurveyKind;
    if (event.event === RESERVED_EVENTS.surveyResponded && Object.hasOwn(SURVEY_SCALES, kind) && typeof props.score === 'number') {
      facts.responses = [...facts.responses, { kind, score: props.score, at, userId: user }];
    }
    const ns = config.northStar;
    if (ns && event.event === ns.event) {
      const day = utcDay(at);
      const bucket: NorthStarDay = facts.northStar?.[day] ?? { count: 0, sum: 0, users: [] };
      const value = ns.property === undefined ? 0 : Number(props[ns.property]);
      facts.northStar = {
        ...facts.northStar,
        [day]: { count: bucket.count + 1, sum: bucket.sum + (Number.isFinite(value) ? value : 0), users: withUser(bucket.users, user) },
      };
    }
  }
  return { facts, users, signupFromTrait };
}
