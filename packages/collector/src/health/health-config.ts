import type { Tier } from '@cairn/protocol';

/** Health weights of one tier; the two parts sum to 1. */
export interface HealthWeights {
  outcome: number;
  experience: number;
}

/** Relative weights of the outcome components (renormalised over the components that have data). */
export interface OutcomeWeights {
  activation: number;
  adoption: number;
  usage_frequency: number;
  usage_breadth: number;
  usage_recency: number;
  activated_in_window: number;
}

/** Relative weights of the experience components (renormalised over the measures that have data). */
export interface ExperienceWeights {
  nps: number;
  csat: number;
  ces: number;
}

/** Comparison used by a tier rule. Numeric comparisons accept numeric strings (`"5000"`). */
export type TierRuleOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in';

/** "Accounts whose trait `trait` compares `op` to `value` are tier `tier`." First matching rule wins. */
export interface TierRule {
  tier: Tier;
  trait: string;
  op: TierRuleOp;
  value: string | number | boolean | (string | number)[];
}

/** How an account's tier is decided: explicit trait first, then rules in order, then the fallback. */
export interface TierConfig {
  /** Trait holding an explicit tier (`A`, `B` or `C`, any case); wins over the rules. */
  trait: string;
  rules: TierRule[];
  fallback: Tier;
}

/** Aggregation of the north-star event per week. */
export type NorthStarAggregation = 'count' | 'sum' | 'unique_users';

/** The product's north-star metric, e.g. "reports shared per account per week". */
export interface NorthStarConfig {
  name: string;
  /** Track event counted, e.g. `Report Shared`. */
  event: string;
  aggregation: NorthStarAggregation;
  /** Numeric property summed when `aggregation` is `sum`. */
  property?: string;
  /** Weeks in the series, the current (partial) week included. */
  windowWeeks: number;
}

/** The workspace config's `health` section, with every default filled in. */
export interface HealthConfig {
  milestones: {
    /** Milestones that together mean "activated". */
    required: string[];
    /** Every milestone of the product (always includes the required ones): adoption breadth. */
    all: string[];
  };
  /** Days after signup within which an account must activate. */
  activationWindowDays: number;
  /** Days of survey responses each measure looks back over. */
  surveyWindows: { npsDays: number; csatDays: number; cesDays: number };
  /** Health weights: `default`, overridden per tier (tier A defaults to 0.7 / 0.3). */
  weights: { default: HealthWeights } & Partial<Record<Tier, HealthWeights>>;
  /** Band thresholds: red < yellowFrom ≤ yellow < greenFrom ≤ green. */
  bands: { yellowFrom: number; greenFrom: number };
  outcomeWeights: OutcomeWeights;
  experienceWeights: ExperienceWeights;
  usage: {
    /** Length of the usage window and of the previous window it is compared with. */
    windowDays: number;
    /** Active days in the window that score 100 on usage frequency. */
    targetActiveDays: number;
  };
  tier: TierConfig;
  /** Days before the contract end in which an account is in the renewal stage. */
  renewalWindowDays: number;
  /** Days without any activity that raise the inactivity flag; recency reaches 0 there too. */
  inactivityDays: number;
  /** Fractional drop of events vs the previous window that raises the usage-drop flag. */
  usageDropThreshold: number;
  /** Days a detractor response keeps the detractor flag up. */
  detractorWindowDays: number;
  northStar: NorthStarConfig | null;
  /** Group traits holding the signup date (Segment's reserved `createdAt`) and the contract end date. */
  traits: { signupAt: string; contractEndAt: string };
}

/** Every default of the health model (see docs/health-model.md). */
export const DEFAULT_HEALTH_CONFIG: HealthConfig = {
  milestones: { required: [], all: [] },
  activationWindowDays: 30,
  surveyWindows: { npsDays: 180, csatDays: 90, cesDays: 90 },
  weights: { default: { outcome: 0.8, experience: 0.2 }, A: { outcome: 0.7, experience: 0.3 } },
  bands: { yellowFrom: 50, greenFrom: 75 },
  outcomeWeights: {
    activation: 0.3,
    adoption: 0.2,
    usage_frequency: 0.2,
    usage_breadth: 0.1,
    usage_recency: 0.1,
    activated_in_window: 0.1,
  },
  experienceWeights: { nps: 0.5, csat: 0.25, ces: 0.25 },
  usage: { windowDays: 30, targetActiveDays: 20 },
  tier: { trait: 'tier', rules: [], fallback: 'C' },
  renewalWindowDays: 90,
  inactivityDays: 14,
  usageDropThreshold: 0.5,
  detractorWindowDays: 90,
  northStar: null,
  traits: { signupAt: 'createdAt', contractEndAt: 'contractEndAt' },
};

const TIERS: readonly Tier[] = ['A', 'B', 'C'];
const TIER_RULE_OPS: readonly TierRuleOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in'];
const AGGREGATIONS: readonly NorthStarAggregation[] = ['count', 'sum', 'unique_users'];
// Two weights that should sum to 1 may carry binary fractions (0.7 + 0.3 = 0.9999999999999999).
const SUM_TOLERANCE = 1e-9;

function invalid(path: string, expectation: string): Error {
  return new Error(
    `Failed to load health config: ${path} must be ${expectation}. Please fix the "health" section of the workspace config.`,
  );
}

type Raw = Record<string, unknown>;

function section(raw: unknown, path: string, keys: readonly string[]): Raw {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(path || 'health', 'an object');
  for (const key of Object.keys(raw)) {
    if (!keys.includes(key)) {
      const where = path ? `${path}.${key}` : key;
      throw new Error(
        `Failed to load health config: unknown key "${where}". Please remove it or use one of: ${keys.join(', ')}.`,
      );
    }
  }
  return raw as Raw;
}

function numberIn(raw: unknown, path: string, fallback: number, min: number, max: number, integer = false): number {
  if (raw === undefined) return fallback;
  const ok = typeof raw === 'number' && Number.isFinite(raw) && raw >= min && raw <= max;
  if (!ok || (integer && !Number.isInteger(raw))) {
    throw invalid(path, `${integer ? 'an integer' : 'a number'} between ${min} and ${max}`);
  }
  return raw;
}

function text(raw: unknown, path: string, fallback: string): string {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || raw.trim() === '') throw invalid(path, 'a non-empty string');
  return raw;
}

function textList(raw: unknown, path: string, fallback: string[]): string[] {
  if (raw === undefined) return [...fallback];
  if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string' || item === '')) {
    throw invalid(path, 'a list of non-empty strings');
  }
  return [...new Set(raw as string[])];
}

function oneOf<T extends string>(raw: unknown, path: string, fallback: T, allowed: readonly T[]): T {
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) throw invalid(path, `one of ${allowed.join(', ')}`);
  return raw as T;
}

function healthWeights(raw: unknown, path: string, fallback: HealthWeights): HealthWeights {
  const r = section(raw, path, ['outcome', 'experience']);
  // Giving one part implies the other, so `{ outcome: 0.6 }` means 60 / 40.
  const outcome = numberIn(r.outcome, `${path}.outcome`, NaN, 0, 1);
  const experience = numberIn(r.experience, `${path}.experience`, NaN, 0, 1);
  if (Number.isNaN(outcome) && Number.isNaN(experience)) return { ...fallback };
  if (Number.isNaN(experience)) return { outcome, experience: 1 - outcome };
  if (Number.isNaN(outcome)) return { outcome: 1 - experience, experience };
  if (Math.abs(outcome + experience - 1) > SUM_TOLERANCE) throw invalid(path, 'outcome and experience weights summing to 1');
  return { outcome, experience };
}

function relativeWeights<K extends string>(raw: unknown, path: string, fallback: Record<K, number>): Record<K, number> {
  const keys = Object.keys(fallback) as K[];
  const r = section(raw, path, keys);
  const out = {} as Record<K, number>;
  for (const key of keys) out[key] = numberIn(r[key], `${path}.${key}`, fallback[key], 0, 1);
  if (keys.every((key) => out[key] === 0)) throw invalid(path, 'weights with at least one above 0');
  return out;
}

function tierRule(raw: unknown, path: string): TierRule {
  const r = section(raw, path, ['tier', 'trait', 'op', 'value']);
  if (r.tier === undefined) throw invalid(`${path}.tier`, 'one of A, B, C');
  const tier = oneOf<Tier>(r.tier, `${path}.tier`, 'C', TIERS);
  const trait = text(r.trait, `${path}.trait`, '');
  if (trait === '') throw invalid(`${path}.trait`, 'a non-empty string');
  const op = oneOf<TierRuleOp>(r.op, `${path}.op`, 'eq', TIER_RULE_OPS);
  const value = r.value;
  const scalar = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
  if (op === 'in') {
    if (!Array.isArray(value) || !value.every(scalar)) throw invalid(`${path}.value`, 'a list of strings or numbers for op "in"');
  } else if (!scalar(value) && typeof value !== 'boolean') {
    throw invalid(`${path}.value`, 'a string, number or boolean');
  }
  return { tier, trait, op, value: value as TierRule['value'] };
}

function northStar(raw: unknown, path: string): NorthStarConfig | null {
  if (raw === undefined || raw === null) return null;
  const r = section(raw, path, ['name', 'event', 'aggregation', 'property', 'windowWeeks']);
  const event = text(r.event, `${path}.event`, '');
  if (event === '') throw invalid(`${path}.event`, 'a non-empty string');
  const aggregation = oneOf(r.aggregation, `${path}.aggregation`, 'count', AGGREGATIONS);
  const property = r.property === undefined ? undefined : text(r.property, `${path}.property`, '');
  if (aggregation === 'sum' && property === undefined) throw invalid(`${path}.property`, 'set when aggregation is "sum"');
  return {
    name: text(r.name, `${path}.name`, event),
    event,
    aggregation,
    ...(property === undefined ? {} : { property }),
    windowWeeks: numberIn(r.windowWeeks, `${path}.windowWeeks`, 12, 1, 104, true),
  };
}

/**
 * Validates the workspace config's `health` section and fills in every default. `undefined` or `null` gives
 * the defaults.
 * Throws an `Error` naming the offending key ("Failed to load health config: … Please …").
 *
 * @example
 * parseHealthConfig({ milestones: { required: ['created_project'] }, weights: { A: { outcome: 0.6 } } });
 */
export function parseHealthConfig(raw: unknown): HealthConfig {
  const d = DEFAULT_HEALTH_CONFIG;
  // `"health": null` in a JSON file means "no health section", like leaving it out.
  const r = section(raw ?? undefined, '', Object.keys(d));

  const m = section(r.milestones, 'milestones', ['required', 'all']);
  const required = textList(m.required, 'milestones.required', d.milestones.required);
  const all = [...new Set([...required, ...textList(m.all, 'milestones.all', d.milestones.all)])];

  const sw = section(r.surveyWindows, 'surveyWindows', ['npsDays', 'csatDays', 'cesDays']);
  const days = (v: unknown, path: string, fallback: number) => numberIn(v, path, fallback, 1, 3650, true);

  const w = section(r.weights, 'weights', ['default', ...TIERS]);
  const weights: HealthConfig['weights'] = { default: healthWeights(w.default, 'weights.default', d.weights.default) };
  for (const tier of TIERS) {
    const fallback = d.weights[tier];
    if (w[tier] !== undefined || fallback) weights[tier] = healthWeights(w[tier], `weights.${tier}`, fallback ?? weights.default);
  }

  const b = section(r.bands, 'bands', ['yellowFrom', 'greenFrom']);
  const yellowFrom = numberIn(b.yellowFrom, 'bands.yellowFrom', d.bands.yellowFrom, 0, 100);
  const greenFrom = numberIn(b.greenFrom, 'bands.greenFrom', d.bands.greenFrom, 0, 100);
  if (greenFrom < yellowFrom) throw invalid('bands.greenFrom', `at least bands.yellowFrom (${yellowFrom})`);

  const u = section(r.usage, 'usage', ['windowDays', 'targetActiveDays']);
  const windowDays = days(u.windowDays, 'usage.windowDays', d.usage.windowDays);
  const targetActiveDays = numberIn(u.targetActiveDays, 'usage.targetActiveDays', Math.min(d.usage.targetActiveDays, windowDays), 1, windowDays, true);

  const t = section(r.tier, 'tier', ['trait', 'rules', 'fallback']);
  if (t.rules !== undefined && !Array.isArray(t.rules)) throw invalid('tier.rules', 'a list of rules');
  const tn = section(r.traits, 'traits', ['signupAt', 'contractEndAt']);
  const rules = ((t.rules as unknown[] | undefined) ?? d.tier.rules).map((rule, i) => tierRule(rule, `tier.rules[${i}]`));

  return {
    milestones: { required, all },
    activationWindowDays: days(r.activationWindowDays, 'activationWindowDays', d.activationWindowDays),
    surveyWindows: {
      npsDays: days(sw.npsDays, 'surveyWindows.npsDays', d.surveyWindows.npsDays),
      csatDays: days(sw.csatDays, 'surveyWindows.csatDays', d.surveyWindows.csatDays),
      cesDays: days(sw.cesDays, 'surveyWindows.cesDays', d.surveyWindows.cesDays),
    },
    weights,
    bands: { yellowFrom, greenFrom },
    outcomeWeights: relativeWeights(r.outcomeWeights, 'outcomeWeights', d.outcomeWeights),
    experienceWeights: relativeWeights(r.experienceWeights, 'experienceWeights', d.experienceWeights),
    usage: { windowDays, targetActiveDays },
    tier: {
      trait: text(t.trait, 'tier.trait', d.tier.trait),
      rules,
      fallback: oneOf<Tier>(t.fallback, 'tier.fallback', d.tier.fallback, TIERS),
    },
    renewalWindowDays: days(r.renewalWindowDays, 'renewalWindowDays', d.renewalWindowDays),
    inactivityDays: days(r.inactivityDays, 'inactivityDays', d.inactivityDays),
    usageDropThreshold: numberIn(r.usageDropThreshold, 'usageDropThreshold', d.usageDropThreshold, 0.01, 1),
    detractorWindowDays: days(r.detractorWindowDays, 'detractorWindowDays', d.detractorWindowDays),
    northStar: northStar(r.northStar, 'northStar'),
    traits: {
      signupAt: text(tn.signupAt, 'traits.signupAt', d.traits.signupAt),
      contractEndAt: text(tn.contractEndAt, 'traits.contractEndAt', d.traits.contractEndAt),
    },
  };
}
