/**
 * Response shapes of the CSM API (`/v1/accounts…`, secret key only), shared by the
 * collector that computes them and the dashboard that draws them.
 */

/** Health band: red < 50 ≤ yellow < 75 ≤ green. */
export type Band = 'red' | 'yellow' | 'green';

/** Account tier; tier A are key accounts (health weights 70/30 instead of 80/20). */
export type Tier = 'A' | 'B' | 'C';

/** Lifecycle stage. */
export type Stage = 'onboarding' | 'growth' | 'active' | 'renewal';

/** Risk flags an account can carry. */
export type RiskFlag =
  | 'not_activated_day_30'
  | 'detractor_90d'
  | 'usage_drop'
  | 'inactive_14d'
  | 'red_in_renewal'
  | 'no_experience_data';

/** One row of the accounts list. */
export interface AccountSummary {
  accountId: string;
  name: string | null;
  tier: Tier;
  stage: Stage;
  /** 0–100, rounded to one decimal. */
  health: number;
  band: Band;
  outcome: number;
  /** null when the account has no experience data at all. */
  experience: number | null;
  flags: RiskFlag[];
  /** NPS −100…100 over the NPS window, null with no responses. */
  nps: number | null;
  activated: boolean;
  activatedAt: string | null;
  /** Days from signup to activation, null until activated. */
  timeToValueDays: number | null;
  activeUsers30d: number;
  lastSeenAt: string | null;
}

/** `GET /v1/accounts` */
export interface AccountList {
  accounts: AccountSummary[];
  total: number;
  /** Opaque cursor or page number for the next page; null on the last page. */
  next: string | null;
}

/** One weighted part of a score, so a CSM sees where the number comes from. */
export interface ScoreComponent {
  /** e.g. `activation`, `adoption`, `usage_recency`, `nps`, `csat`, `ces`. */
  key: string;
  label: string;
  /** The component's own 0–100 value, or null when it has no data (left out of the mean). */
  value: number | null;
  /** Weight inside its score (outcome or experience), 0–1, after renormalising missing parts. */
  weight: number;
  /** Human-readable raw measure, e.g. "3 of 4 required milestones", "NPS 20 (10 responses)". */
  detail: string;
}

/** Why a flag is raised, in words a CSM can act on. */
export interface FlagReason {
  flag: RiskFlag;
  reason: string;
}

/** `GET /v1/accounts/:id` */
export interface AccountDetail extends AccountSummary {
  traits: Record<string, unknown>;
  signupAt: string | null;
  contractEndAt: string | null;
  weights: { outcome: number; experience: number };
  outcomeComponents: ScoreComponent[];
  experienceComponents: ScoreComponent[];
  flagReasons: FlagReason[];
  milestones: { milestone: string; reachedAt: string; required: boolean }[];
  usage: { activeUsers30d: number; activeDays30d: number; eventsLast30d: number; eventsPrev30d: number; trend: number | null };
  csat: number | null;
  ces: number | null;
  northStar: { name: string; series: { weekStart: string; value: number }[] } | null;
}

/** One entry of `GET /v1/accounts/:id/timeline`. */
export interface TimelineEntry {
  at: string;
  kind: 'milestone' | 'survey_response' | 'stage_change' | 'band_change' | 'flag_raised';
  summary: string;
  data: Record<string, unknown>;
}

/** `GET /v1/surveys/results` */
export interface SurveyResults {
  kind: 'nps' | 'csat' | 'ces';
  surveyId: string | null;
  responses: number;
  score: number | null;
  /** For NPS: count per score 0–10; CSAT 1–5; CES 1–7. */
  distribution: Record<string, number>;
  weekly: { weekStart: string; responses: number; score: number | null }[];
  comments: { at: string; accountId: string | null; userId: string | null; score: number; comment: string }[];
}
