import { SURVEY_SCALES, type SurveyKind } from '@cairn/protocol';
import type { SurveyResponseFact } from './account-facts.ts';
import { DAY_MS } from './days.ts';

/** One survey measure over its window. */
export interface SurveyMeasure {
  /** NPS −100…100, CSAT % 0–100, or CES mean 1–7 (full precision). */
  score: number;
  /** The measure on the common 0–100 scale used by the experience score. */
  scaled: number;
  /** Responses counted (latest per user). */
  responses: number;
}

/** NPS, CSAT and CES of one account; null where the window holds no response. */
export interface SurveyScores {
  nps: SurveyMeasure | null;
  csat: SurveyMeasure | null;
  ces: SurveyMeasure | null;
}

/**
 * Responses of one kind with `now − windowDays ≤ at ≤ now`, keeping only each user's latest one so a user
 * who answers five times counts once, with their current opinion. Anonymous responses (userId null) each
 * count. Scores outside the kind's scale are dropped (ingest should have rejected them).
 */
export function responsesInWindow(
  responses: readonly SurveyResponseFact[],
  kind: SurveyKind,
  now: Date,
  windowDays: number,
): SurveyResponseFact[] {
  const end = now.getTime();
  const start = end - windowDays * DAY_MS;
  const { min, max } = SURVEY_SCALES[kind];
  // Parse each time once: Date.parse dominates the cost on accounts with hundreds of answers.
  const latest = new Map<string, { response: SurveyResponseFact; at: number }>();
  const kept: { response: SurveyResponseFact; at: number }[] = [];
  for (const response of responses) {
    if (response.kind !== kind || !Number.isFinite(response.score) || response.score < min || response.score > max) continue;
    const at = Date.parse(response.at);
    if (!(at >= start && at <= end)) continue;
    if (response.userId === null) {
      kept.push({ response, at });
      continue;
    }
    const previous = latest.get(response.userId);
    // Two answers at the same instant: keep the lower score, so the result does not depend on arrival order.
    const replaces = !previous || previous.at < at || (previous.at === at && response.score < previous.response.score);
    if (replaces) latest.set(response.userId, { response, at });
  }
  kept.push(...latest.values());
  return kept
    .sort((a, b) => a.at - b.at || (a.response.userId ?? '').localeCompare(b.response.userId ?? '') || a.response.score - b.response.score)
    .map((entry) => entry.response);
}

/** Net Promoter Score: % promoters (9–10) − % detractors (0–6), −100…100; null with no scores. */
export function npsScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return ((promoters - detractors) / scores.length) * 100;
}

/** Maps NPS −100…100 onto 0–100: (nps + 100) / 2. */
export function npsToScale(nps: number): number {
  return (nps + 100) / 2;
}

/** Customer satisfaction: % of 4–5 answers on the 1–5 scale; null with no scores. */
export function csatScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return (scores.filter((s) => s >= 4).length / scores.length) * 100;
}

/**
 * Customer effort: mean answer on the 1–7 scale; null with no scores. Cairn asks "How easy was it…?" with
 * 7 = very easy, so a higher CES is better (the opposite of effort scales where 7 = very difficult).
 */
export function cesScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return scores.reduce((sum, s) => sum + s, 0) / scores.length;
}

/** Maps a CES mean 1…7 onto 0–100: (mean − 1) / 6 · 100, so 1 → 0, 4 → 50, 7 → 100. */
export function cesToScale(mean: number): number {
  return ((mean - 1) / 6) * 100;
}

const SCORERS: Record<SurveyKind, { score: (s: readonly number[]) => number | null; scale: (v: number) => number }> = {
  nps: { score: npsScore, scale: npsToScale },
  csat: { score: csatScore, scale: (v) => v },
  ces: { score: cesScore, scale: cesToScale },
};

/** One measure of one kind over its window; null when the window holds no response. */
export function surveyMeasure(
  responses: readonly SurveyResponseFact[],
  kind: SurveyKind,
  now: Date,
  windowDays: number,
): SurveyMeasure | null {
  const scores = responsesInWindow(responses, kind, now, windowDays).map((r) => r.score);
  const { score: scoreOf, scale } = SCORERS[kind];
  const score = scoreOf(scores);
  return score === null ? null : { score, scaled: scale(score), responses: scores.length };
}

/** NPS, CSAT and CES over their windows (defaults 180 / 90 / 90 days). */
export function surveyScores(
  responses: readonly SurveyResponseFact[],
  windows: { npsDays: number; csatDays: number; cesDays: number },
  now: Date,
): SurveyScores {
  return {
    nps: surveyMeasure(responses, 'nps', now, windows.npsDays),
    csat: surveyMeasure(responses, 'csat', now, windows.csatDays),
    ces: surveyMeasure(responses, 'ces', now, windows.cesDays),
  };
}
