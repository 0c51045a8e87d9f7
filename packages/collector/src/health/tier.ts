import type { Tier } from '@cairn/protocol';
import type { TierConfig, TierRule } from './health-config.ts';

const TIERS: readonly string[] = ['A', 'B', 'C'];

function asNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // Traits often arrive as strings from CRMs ("5000"); compare them as numbers when they are numbers.
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return x === y;
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** Whether the traits satisfy one rule. A missing trait matches nothing, not even `neq`. */
export function matchesTierRule(traits: Readonly<Record<string, unknown>>, rule: TierRule): boolean {
  const actual = traits[rule.trait];
  if (actual === undefined || actual === null) return false;
  const { op, value } = rule;
  if (op === 'eq') return same(actual, value);
  if (op === 'neq') return !same(actual, value);
  if (op === 'in') return Array.isArray(value) && value.some((v) => same(actual, v));
  const x = asNumber(actual);
  const y = asNumber(value);
  if (x === null || y === null) return false;
  if (op === 'gt') return x > y;
  if (op === 'gte') return x >= y;
  if (op === 'lt') return x < y;
  return x <= y;
}

/**
 * The account's tier: an explicit tier trait (`A`, `B`, `C`, any case) wins; otherwise the first matching
 * rule; otherwise the fallback (default `C`).
 *
 * @example
 * tierFor({ mrr: '7500' }, { trait: 'tier', rules: [{ tier: 'A', trait: 'mrr', op: 'gte', value: 5000 }], fallback: 'C' }); // 'A'
 */
export function tierFor(traits: Readonly<Record<string, unknown>>, config: TierConfig): Tier {
  const explicit = traits[config.trait];
  if (typeof explicit === 'string' && TIERS.includes(explicit.trim().toUpperCase())) {
    return explicit.trim().toUpperCase() as Tier;
  }
  return config.rules.find((rule) => matchesTierRule(traits, rule))?.tier ?? config.fallback;
}
