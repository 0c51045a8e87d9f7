import type { Stage } from '@cairn/protocol';
import type { ActivationStatus } from './activation.ts';
import { daysBetween, isValidInstant } from './days.ts';
import type { HealthConfig } from './health-config.ts';

/** Fractional days until the contract ends (negative once it has passed); null without a valid date. */
export function daysUntilContractEnd(contractEndAt: string | null, now: Date): number | null {
  return isValidInstant(contractEndAt) ? daysBetween(now, contractEndAt) : null;
}

/**
 * Lifecycle stage, first match wins:
 * 1. `renewal`: the contract ends within `renewalWindowDays` (default 90), or has ended without a new end
 *    date (renewal overdue). Renewal wins over every other stage because it is the most time-critical.
 * 2. `onboarding`: not activated and fewer than `activationWindowDays` (30) since signup; with an unknown
 *    signup date, until activated.
 * 3. `active`: every configured milestone reached (full adoption; with none configured, activated).
 * 4. `growth`: everything else: activated but still adopting milestones, or past day 30 without
 *    activation (which also raises `not_activated_day_30`).
 */
export function stageFor(
  input: { activation: ActivationStatus; contractEndAt: string | null },
  config: HealthConfig,
  now: Date,
): Stage {
  const { activation: a } = input;
  const untilEnd = daysUntilContractEnd(input.contractEndAt, now);
  if (untilEnd !== null && untilEnd <= config.renewalWindowDays) return 'renewal';
  if (!a.activated && (a.daysSinceSignup === null || a.daysSinceSignup < config.activationWindowDays)) return 'onboarding';
  const all = config.milestones.all.length;
  const fullyAdopted = all > 0 ? a.milestonesReached.length === all : a.activated;
  return fullyAdopted ? 'active' : 'growth';
}
