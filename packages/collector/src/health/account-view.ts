import type { AccountDetail, AccountSummary } from '@cairn/protocol';
import type { AccountFacts } from './account-facts.ts';
import type { AccountHealth } from './health.ts';

/** The account's display name: the `name` group trait (Segment spec), else null. */
export function accountName(traits: Readonly<Record<string, unknown>>): string | null {
  return typeof traits.name === 'string' && traits.name.trim() !== '' ? traits.name : null;
}

/** One row of `GET /v1/accounts` from the account's facts and its score. */
export function toAccountSummary(facts: AccountFacts, scored: AccountHealth): AccountSummary {
  return {
    accountId: facts.accountId,
    name: accountName(facts.traits),
    tier: scored.tier,
    stage: scored.stage,
    health: scored.health,
    band: scored.band,
    outcome: scored.outcome,
    experience: scored.experience,
    flags: scored.flags,
    nps: scored.nps,
    activated: scored.activated,
    activatedAt: scored.activatedAt,
    timeToValueDays: scored.timeToValueDays,
    activeUsers30d: scored.usage.activeUsers30d,
    lastSeenAt: facts.lastSeenAt,
  };
}

/** `GET /v1/accounts/:id` from the account's facts and its score. */
export function toAccountDetail(facts: AccountFacts, scored: AccountHealth): AccountDetail {
  return {
    ...toAccountSummary(facts, scored),
    traits: facts.traits,
    signupAt: facts.signupAt,
    contractEndAt: facts.contractEndAt,
    weights: scored.weights,
    outcomeComponents: scored.components.outcome,
    experienceComponents: scored.components.experience,
    flagReasons: scored.flagReasons,
    milestones: scored.milestones,
    usage: {
      activeUsers30d: scored.usage.activeUsers30d,
      activeDays30d: scored.usage.activeDays30d,
      eventsLast30d: scored.usage.eventsLast30d,
      eventsPrev30d: scored.usage.eventsPrev30d,
      trend: scored.usage.trend,
    },
    csat: scored.csat,
    ces: scored.ces,
    northStar: scored.northStar,
  };
}
