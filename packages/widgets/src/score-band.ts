import type { FollowUp, ScoreBand, SurveyKind } from '@cairn/protocol';
import type { Translate } from './locale.ts';

/**
 * The band of a score, for the follow-up question. NPS: 0–6 detractor, 7–8 passive,
 * 9–10 promoter. CSAT (1–5): 1–2 / 3 / 4–5, as CSAT counts 4–5 as satisfied.
 * CES (1–7, higher is easier): 1–3 / 4 / 5–7.
 */
export function scoreBand(kind: SurveyKind, score: number): ScoreBand {
  const [detractorMax, passiveMax] = kind === 'nps' ? [6, 8] : kind === 'csat' ? [2, 3] : [3, 4];
  return score <= detractorMax ? 'detractor' : score <= passiveMax ? 'passive' : 'promoter';
}

/** The follow-up question for a score: the config's text for its band, else the localized default. */
export function followUpFor(followUp: FollowUp | undefined, kind: SurveyKind, score: number, t: Translate): string {
  const band = scoreBand(kind, score);
  if (typeof followUp === 'string') return followUp;
  return followUp?.[band] ?? t(`followUp.${band}`);
}
