import type { ScoreComponent } from '@cairn/protocol';

/** A component before weighting: its relative weight from the config and its value (null = no data). */
export interface WeightedPart {
  key: string;
  label: string;
  value: number | null;
  weight: number;
  detail: string;
}

/** A score and the components it is made of, with their weights renormalised. */
export interface WeightedScore {
  /** Full precision; null when no component has data. */
  value: number | null;
  components: ScoreComponent[];
}

/**
 * Weighted mean of the parts that have data. Parts with a null value are left out and the remaining weights
 * renormalised to sum to 1, so a missing measure is not counted as zero. Left-out parts are still listed,
 * with weight 0, so a CSM sees what is missing.
 */
export function weightedMean(parts: readonly WeightedPart[]): WeightedScore {
  const present = parts.filter((p) => p.value !== null && p.weight > 0);
  const total = present.reduce((sum, p) => sum + p.weight, 0);
  const components = parts.map((p) => ({
    key: p.key,
    label: p.label,
    value: p.value,
    weight: p.value !== null && total > 0 ? p.weight / total : 0,
    detail: p.detail,
  }));
  if (total === 0) return { value: null, components };
  const value = components.reduce((sum, c) => sum + c.weight * (c.value ?? 0), 0);
  return { value, components };
}
