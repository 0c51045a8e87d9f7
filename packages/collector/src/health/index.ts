export type { AccountFacts, DayActivity, MilestoneFact, NorthStarDay, SurveyResponseFact } from './account-facts.ts';
export { factsHorizonDays, pruneFacts } from './account-facts.ts';
export { accountName, toAccountDetail, toAccountSummary } from './account-view.ts';
export type { ActivationStatus } from './activation.ts';
export { activationStatus } from './activation.ts';
export { bandFor } from './band.ts';
export { experienceScore } from './experience.ts';
export type { FactsState } from './fold-event.ts';
export { emptyFactsState, foldEvent } from './fold-event.ts';
export type { FlagInput } from './flags.ts';
export { riskFlags } from './flags.ts';
export type {
  HealthConfig,
  HealthWeights,
  OutcomeWeights,
  ExperienceWeights,
  TierRule,
  TierRuleOp,
  TierConfig,
  NorthStarConfig,
  NorthStarAggregation,
} from './health-config.ts';
export { DEFAULT_HEALTH_CONFIG, parseHealthConfig } from './health-config.ts';
export type { AccountHealth } from './health.ts';
export { scoreAccount } from './health.ts';
export type { NorthStarPoint } from './north-star.ts';
export { northStarSeries, weekStartOf } from './north-star.ts';
export type { OutcomeInput } from './outcome.ts';
export { outcomeScore } from './outcome.ts';
export { stageFor } from './stage.ts';
export type { SurveyMeasure, SurveyScores } from './survey-scores.ts';
export { cesScore, cesToScale, csatScore, npsScore, npsToScale, responsesInWindow, surveyScores } from './survey-scores.ts';
export { matchesTierRule, tierFor } from './tier.ts';
export type { UsageMetrics } from './usage.ts';
export { usageMetrics } from './usage.ts';
export type { WeightedScore } from './weighted-mean.ts';
