import type { Band, FlagReason, Stage } from '@cairn/protocol';
import type { SurveyResponseFact } from './account-facts.ts';
import type { ActivationStatus } from './activation.ts';
import { utcDay } from './days.ts';
import type { HealthConfig } from './health-config.ts';
import { roundTo } from './round.ts';
import { daysUntilContractEnd } from './stage.ts';
import { responsesInWindow } from './survey-scores.ts';
import type { UsageMetrics } from './usage.ts';

/** What the risk flags read; everything is already computed by the other parts of the model. */
export interface FlagInput {
  activation: ActivationStatus;
  usage: UsageMetrics;
  responses: readonly SurveyResponseFact[];
  contractEndAt: string | null;
  stage: Stage;
  /** Rounded health and its band. */
  health: number;
  band: Band;
  hasExperienceData: boolean;
}

// `usageDropThreshold · eventsPrev` carries binary fractions (0.3 · 10 = 3.0000000000000004).
const EPSILON = 1e-9;
const days = (n: number) => `${Math.floor(n)} day${Math.floor(n) === 1 ? '' : 's'}`;

/**
 * Risk flags with a reason a CSM can act on, in the order of `RiskFlag`:
 * - `not_activated_day_30`: not activated and at least `activationWindowDays` since signup (needs a signup date);
 * - `detractor_90d`: a user whose latest NPS answer in the last `detractorWindowDays` is 0–6;
 * - `usage_drop`: events in the current usage window ≤ (1 − `usageDropThreshold`) × the previous window's (> 0);
 * - `inactive_14d`: at least `inactivityDays` since the last event (or since signup when never seen);
 * - `red_in_renewal`: band red while in the renewal stage;
 * - `no_experience_data`: no NPS, CSAT or CES response in their windows, so health equals outcome.
 */
export function riskFlags(input: FlagInput, config: HealthConfig, now: Date): FlagReason[] {
  const { activation: a, usage: u } = input;
  const reasons: FlagReason[] = [];
  const window = config.activationWindowDays;

  if (!a.activated && a.daysSinceSignup !== null && a.daysSinceSignup >= window) {
    const missing = a.requiredMissing.length > 0 ? ` Missing milestones: ${a.requiredMissing.join(', ')}.` : '';
    reasons.push({
      flag: 'not_activated_day_30',
      reason: `Not activated ${days(a.daysSinceSignup)} after signup (window ${window} days).${missing} Accounts not activated in their first ${window} days are at high churn risk.`,
    });
  }

  const detractors = responsesInWindow(input.responses, 'nps', now, config.detractorWindowDays).filter((r) => r.score <= 6);
  const latest = detractors.at(-1);
  if (latest) {
    const who = latest.userId === null ? 'an anonymous user' : `user ${latest.userId}`;
    reasons.push({
      flag: 'detractor_90d',
      reason: `${detractors.length} detractor${detractors.length === 1 ? '' : 's'} (NPS 0–6) in the last ${config.detractorWindowDays} days; latest: ${who} scored ${latest.score} on ${utcDay(latest.at)}.`,
    });
  }

  if (u.eventsPrev > 0 && u.eventsPrev - u.eventsLast >= config.usageDropThreshold * u.eventsPrev - EPSILON) {
    const drop = roundTo(((u.eventsPrev - u.eventsLast) / u.eventsPrev) * 100);
    const w = config.usage.windowDays;
    reasons.push({
      flag: 'usage_drop',
      reason: `Usage down ${drop}%: ${u.eventsLast} events in the last ${w} days vs ${u.eventsPrev} in the ${w} days before.`,
    });
  }

  const idle = u.daysSinceLastSeen ?? a.daysSinceSignup;
  if (idle !== null && idle >= config.inactivityDays) {
    reasons.push({
      flag: 'inactive_14d',
      reason:
        u.daysSinceLastSeen === null
          ? `No activity at all since signup ${days(idle)} ago.`
          : `No activity for ${days(idle)} (limit ${config.inactivityDays}).`,
    });
  }

  const untilEnd = daysUntilContractEnd(input.contractEndAt, now);
  if (input.stage === 'renewal' && input.band === 'red' && untilEnd !== null) {
    const when = untilEnd >= 0 ? `ends in ${days(untilEnd)}` : `ended ${days(-untilEnd)} ago`;
    reasons.push({
      flag: 'red_in_renewal',
      reason: `Health ${input.health.toFixed(1)} (red) while the contract ${when} (${utcDay(input.contractEndAt ?? now)}).`,
    });
  }

  if (!input.hasExperienceData) {
    reasons.push({
      flag: 'no_experience_data',
      reason: 'No NPS, CSAT or CES response in their windows, so health is the outcome score alone. Ask this account for feedback.',
    });
  }
  return reasons;
}
