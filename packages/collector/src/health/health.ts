import type { Band, FlagReason, RiskFlag, ScoreComponent, Stage, Tier } from '@cairn/protocol';
import type { AccountFacts } from './account-facts.ts';
import { activationStatus, firstReached } from './activation.ts';
import { bandFor } from './band.ts';
import { experienceScore } from './experience.ts';
import { riskFlags } from './flags.ts';
import type { HealthConfig, HealthWeights } from './health-config.ts';
import { northStarSeries, type NorthStarPoint } from './north-star.ts';
import { outcomeScore } from './outcome.ts';
import { roundTo } from './round.ts';
import { stageFor } from './stage.ts';
import { surveyScores } from './survey-scores.ts';
import { tierFor } from './tier.ts';
import { usageMetrics } from './usage.ts';

/** The scored account: every number the CSM API's AccountSummary / AccountDetail report. */
export interface AccountHealth {
  /** 0–100, one decimal. */
  health: number;
  band: Band;
  /** 0–100, one decimal. */
  outcome: number;
  /** 0–100, one decimal; null with no experience data. */
  experience: number | null;
  /** Weights actually applied: the tier's, or { outcome: 1, experience: 0 } with no experience data. */
  weights: HealthWeights;
  /** Components with values to one decimal and weights (renormalised) to four. */
  components: { outcome: ScoreComponent[]; experience: ScoreComponent[] };
  stage: Stage;
  tier: Tier;
  flags: RiskFlag[];
  flagReasons: FlagReason[];
  activated: boolean;
  activatedAt: string | null;
  /** Days from signup to activation, one decimal. */
  timeToValueDays: number | null;
  /** NPS −100…100, one decimal. */
  nps: number | null;
  /** CSAT % of 4–5, one decimal. */
  csat: number | null;
  /** CES mean on 1–7 (7 = very easy), two decimals. */
  ces: number | null;
  /** Over the configured usage window (default 30 days); `trend` is a fraction (−0.5 = halved), three decimals. */
  usage: { activeUsers30d: number; activeDays30d: number; eventsLast30d: number; eventsPrev30d: number; trend: number | null };
  /** Milestones the account reached, oldest first. */
  milestones: { milestone: string; reachedAt: string; required: boolean }[];
  northStar: { name: string; series: NorthStarPoint[] } | null;
}

const forDisplay = (c: ScoreComponent): ScoreComponent => ({
  ...c,
  value: c.value === null ? null : roundTo(c.value),
  weight: roundTo(c.weight, 4),
});
const roundOrNull = (v: number | null | undefined, decimals = 1) => (v === null || v === undefined ? null : roundTo(v, decimals));

/**
 * Scores one account from its facts: health = w_o · outcome + w_e · experience (0.8 / 0.2, tier A 0.7 / 0.3);
 * with no experience data, health = outcome and the `no_experience_data` flag is raised. Pure: `now` is
 * passed in and nothing is read from the clock. Only the reported numbers are rounded, at the end.
 *
 * @example
 * const scored = scoreAccount(facts, parseHealthConfig(workspace.health), new Date());
 * scored.health; // 63.4
 * scored.band; // 'yellow'
 */
export function scoreAccount(facts: AccountFacts, config: HealthConfig, now: Date): AccountHealth {
  const tier = tierFor(facts.traits, config.tier);
  const activation = activationStatus(facts, config, now);
  const usage = usageMetrics(facts.activity, facts.lastSeenAt, now, config.usage.windowDays);
  const surveys = surveyScores(facts.responses, config.surveyWindows, now);
  const outcome = outcomeScore({ activation, usage, knownUsers: facts.knownUsers }, config);
  const experience = experienceScore(surveys, config);

  const tierWeights = config.weights[tier] ?? config.weights.default;
  const weights = experience.value === null ? { outcome: 1, experience: 0 } : { ...tierWeights };
  const raw = weights.outcome * outcome.value + weights.experience * (experience.value ?? 0);
  const health = roundTo(raw);
  const band = bandFor(health, config.bands);
  const stage = stageFor({ activation, contractEndAt: facts.contractEndAt }, config, now);
  const flagReasons = riskFlags(
    { activation, usage, responses: facts.responses, contractEndAt: facts.contractEndAt, stage, health, band, hasExperienceData: experience.value !== null },
    config,
    now,
  );

  const required = new Set(config.milestones.required);
  const milestones = [...firstReached(facts.milestones, now)]
    .map(([milestone, reachedAt]) => ({ milestone, reachedAt, required: required.has(milestone) }))
    .sort((a, b) => Date.parse(a.reachedAt) - Date.parse(b.reachedAt) || a.milestone.localeCompare(b.milestone));
  const ns = config.northStar;

  return {
    health,
    band,
    outcome: roundTo(outcome.value),
    experience: roundOrNull(experience.value),
    weights,
    components: { outcome: outcome.components.map(forDisplay), experience: experience.components.map(forDisplay) },
    stage,
    tier,
    flags: flagReasons.map((r) => r.flag),
    flagReasons,
    activated: activation.activated,
    activatedAt: activation.activatedAt,
    timeToValueDays: roundOrNull(activation.timeToValueDays),
    nps: roundOrNull(surveys.nps?.score),
    csat: roundOrNull(surveys.csat?.score),
    ces: roundOrNull(surveys.ces?.score, 2),
    usage: {
      activeUsers30d: usage.activeUsers,
      activeDays30d: usage.activeDays,
      eventsLast30d: usage.eventsLast,
      eventsPrev30d: usage.eventsPrev,
      trend: roundOrNull(usage.trend, 3),
    },
    milestones,
    northStar: ns ? { name: ns.name, series: northStarSeries(facts.northStar ?? {}, ns, now) } : null,
  };
}
