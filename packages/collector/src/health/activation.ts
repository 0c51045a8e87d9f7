import type { MilestoneFact } from './account-facts.ts';
import { daysBetween, isValidInstant } from './days.ts';
import type { HealthConfig } from './health-config.ts';

/** Where an account stands on activation. */
export interface ActivationStatus {
  activated: boolean;
  /** When the last required milestone was first reached; null until activated. */
  activatedAt: string | null;
  /** Days from signup to activation (≥ 0); null until activated or when the signup date is unknown. */
  timeToValueDays: number | null;
  requiredReached: string[];
  requiredMissing: string[];
  /** Configured milestones (required or not) the account reached. */
  milestonesReached: string[];
  /** Fractional days since signup; null when the signup date is unknown. */
  daysSinceSignup: number | null;
  /**
   * true: activated within the activation window; false: activated late, or not activated and the window is
   * over; null: still inside the window, or the signup date is unknown.
   */
  activatedInWindow: boolean | null;
}

/** Earliest reach time per milestone, ignoring reaches after `now` and unparsable times. */
export function firstReached(milestones: readonly MilestoneFact[], now: Date): Map<string, string> {
  const first = new Map<string, string>();
  for (const { milestone, reachedAt } of milestones) {
    if (!isValidInstant(reachedAt) || Date.parse(reachedAt) > now.getTime()) continue;
    const seen = first.get(milestone);
    if (seen === undefined || Date.parse(reachedAt) < Date.parse(seen)) first.set(milestone, reachedAt);
  }
  return first;
}

/**
 * Activation: the account is activated once every required milestone has been reached (by any of its
 * users), at the time the last of them was first reached. With no required milestones configured, the first
 * milestone of any kind activates the account.
 */
export function activationStatus(
  facts: { signupAt: string | null; milestones: readonly MilestoneFact[] },
  config: HealthConfig,
  now: Date,
): ActivationStatus {
  const first = firstReached(facts.milestones, now);
  const { required, all } = config.milestones;
  const requiredReached = required.filter((m) => first.has(m));
  const requiredMissing = required.filter((m) => !first.has(m));
  const activated = required.length > 0 ? requiredMissing.length === 0 : first.size > 0;
  let activatedAt: string | null = null;
  if (activated) {
    // All required reached: activation is the last of them. None configured: the first milestone of any kind.
    const times = required.length > 0 ? required.map((m) => first.get(m) ?? '') : [...first.values()];
    const pick = required.length > 0 ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
    activatedAt = times.reduce((best, t) => (pick(Date.parse(t), Date.parse(best)) ? t : best));
  }

  const signupAt = isValidInstant(facts.signupAt) ? facts.signupAt : null;
  const daysSinceSignup = signupAt === null ? null : daysBetween(signupAt, now);
  // A milestone can predate the signup trait (trait set after first use); time to value is then 0, not negative.
  const timeToValueDays = activatedAt !== null && signupAt !== null ? Math.max(0, daysBetween(signupAt, activatedAt)) : null;

  let activatedInWindow: boolean | null = null;
  if (timeToValueDays !== null) activatedInWindow = timeToValueDays <= config.activationWindowDays;
  else if (!activated && daysSinceSignup !== null && daysSinceSignup >= config.activationWindowDays) activatedInWindow = false;

  return {
    activated,
    activatedAt,
    timeToValueDays,
    requiredReached,
    requiredMissing,
    milestonesReached: all.filter((m) => first.has(m)),
    daysSinceSignup,
    activatedInWindow,
  };
}
