import type { ActivationStatus } from './activation.ts';
import type { HealthConfig } from './health-config.ts';
import { roundTo } from './round.ts';
import type { UsageMetrics } from './usage.ts';
import { weightedMean, type WeightedScore } from './weighted-mean.ts';

/** What the outcome score reads. */
export interface OutcomeInput {
  activation: ActivationStatus;
  usage: UsageMetrics;
  knownUsers: number;
}

const percent = (part: number, whole: number) => (Math.min(part, whole) / whole) * 100;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function activationDetail(a: ActivationStatus, config: HealthConfig): string {
  const required = config.milestones.required.length;
  if (required === 0) return a.activated ? 'activated by a first milestone (none configured as required)' : 'no milestone reached yet (none configured as required)';
  const missing = a.requiredMissing.length > 0 ? `; missing: ${a.requiredMissing.join(', ')}` : '';
  return `${a.requiredReached.length} of ${plural(required, 'required milestone')}${missing}`;
}

function windowDetail(a: ActivationStatus, window: number): string {
  const day = (d: number) => `day ${Math.floor(d)}`;
  if (a.daysSinceSignup === null) return 'signup date unknown';
  if (a.timeToValueDays !== null) {
    return a.activatedInWindow
      ? `activated on ${day(a.timeToValueDays)}, within the ${window}-day window`
      : `activated on ${day(a.timeToValueDays)}, after the ${window}-day window`;
  }
  return a.activatedInWindow === false
    ? `not activated by day ${window} (now ${day(a.daysSinceSignup)})`
    : `${day(a.daysSinceSignup)} of ${window}, not activated yet`;
}

/**
 * Outcome 0–100: the value the account got. Components (default weights): activation 0.3 (required
 * milestones reached), adoption 0.2 (all milestones reached), usage frequency 0.2 (active days vs target),
 * usage breadth 0.1 (active users vs known users), usage recency 0.1 (100 when seen now, 0 at the inactivity
 * limit), activated in window 0.1. Components without data (no milestones configured, no known users,
 * activation still pending) are left out and the rest renormalised. Never null: recency always has a value.
 */
export function outcomeScore(input: OutcomeInput, config: HealthConfig): WeightedScore & { value: number } {
  const { activation: a, usage: u, knownUsers } = input;
  const w = config.outcomeWeights;
  const { required, all } = config.milestones;
  const windowDays = config.usage.windowDays;
  const target = config.usage.targetActiveDays;
  const since = u.daysSinceLastSeen;

  const score = weightedMean([
    {
      key: 'activation',
      label: 'Activation',
      value: required.length > 0 ? percent(a.requiredReached.length, required.length) : a.activated ? 100 : 0,
      weight: w.activation,
      detail: activationDetail(a, config),
    },
    {
      key: 'adoption',
      label: 'Adoption breadth',
      value: all.length > 0 ? percent(a.milestonesReached.length, all.length) : null,
      weight: w.adoption,
      detail: all.length > 0 ? `${a.milestonesReached.length} of ${plural(all.length, 'milestone')}` : 'no milestones configured',
    },
    {
      key: 'usage_frequency',
      label: 'Usage frequency',
      value: percent(u.activeDays, target),
      weight: w.usage_frequency,
      detail: `active on ${u.activeDays} of the last ${windowDays} days (target ${target})`,
    },
    {
      key: 'usage_breadth',
      label: 'Active users',
      value: knownUsers > 0 ? percent(u.activeUsers, knownUsers) : null,
      weight: w.usage_breadth,
      detail: knownUsers > 0 ? `${u.activeUsers} of ${plural(knownUsers, 'known user')} active in the last ${windowDays} days` : 'no known users',
    },
    {
      key: 'usage_recency',
      label: 'Recency',
      value: since === null ? 0 : Math.max(0, 1 - since / config.inactivityDays) * 100,
      weight: w.usage_recency,
      detail: since === null ? 'never seen' : `last seen ${roundTo(since)} days ago (0 at ${config.inactivityDays})`,
    },
    {
      key: 'activated_in_window',
      label: 'Activated in time',
      value: a.activatedInWindow === null ? null : a.activatedInWindow ? 100 : 0,
      weight: w.activated_in_window,
      detail: windowDetail(a, config.activationWindowDays),
    },
  ]);
  return { value: score.value ?? 0, components: score.components };
}
