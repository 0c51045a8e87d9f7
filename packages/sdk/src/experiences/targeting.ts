import type { ConfigScalar, JsonObject, Targeting } from '@cairn/protocol';
import type { Identity } from '../identity.ts';
import { urlMatches } from './glob.ts';
import { daysSinceSignup, stageOf, type Progress } from './lifecycle.ts';

/** Everything targeting is evaluated against, read at the moment of evaluation. */
export interface TargetContext {
  identity: Identity;
  /** Names of the events the user ever tracked. */
  events: Record<string, 1>;
  path: string;
  search: string;
  now: number;
  progress: Progress;
}

const traitsMatch = (want: Record<string, ConfigScalar | ConfigScalar[]> | undefined, have: JsonObject) =>
  !want || Object.entries(want).every(([k, v]) => (Array.isArray(v) ? v.includes(have[k] as ConfigScalar) : have[k] === v));

/**
 * Whether every condition of `t` holds (an absent condition does not restrict). Days since
 * signup cannot hold without a signup trait: a bound on an unknown date is not met.
 */
export function matchesTarget(t: Targeting | undefined, c: TargetContext): boolean {
  if (!t) return true;
  if (t.event && !c.events[t.event]) return false;
  if (t.url && !urlMatches(t.url, c.path, c.search)) return false;
  if (t.minDaysSinceSignup !== undefined || t.maxDaysSinceSignup !== undefined) {
    const days = daysSinceSignup(c.identity, c.now);
    if (days === undefined || days < (t.minDaysSinceSignup ?? 0) || days > (t.maxDaysSinceSignup ?? Infinity)) return false;
  }
  if (!traitsMatch(t.userTraits, c.identity.traits) || !traitsMatch(t.accountTraits, c.identity.groupTraits)) return false;
  return !t.stage || t.stage.includes(stageOf(c.identity, c.progress, c.now));
}
