import type { HealthConfig } from './health-config.ts';
import { roundTo } from './round.ts';
import type { SurveyMeasure, SurveyScores } from './survey-scores.ts';
import { weightedMean, type WeightedScore } from './weighted-mean.ts';

const responses = (m: SurveyMeasure) => `${m.responses} response${m.responses === 1 ? '' : 's'}`;

/**
 * Experience 0–100: how using the product felt. NPS mapped to 0–100, CSAT %, CES mapped to 0–100, weighted
 * 0.5 / 0.25 / 0.25 by default. A measure with no response in its window is left out and the remaining
 * weights renormalised; `value` is null when no measure has data.
 */
export function experienceScore(scores: SurveyScores, config: HealthConfig): WeightedScore {
  const w = config.experienceWeights;
  const win = config.surveyWindows;
  const { nps, csat, ces } = scores;
  return weightedMean([
    {
      key: 'nps',
      label: 'NPS',
      value: nps?.scaled ?? null,
      weight: w.nps,
      detail: nps ? `NPS ${roundTo(nps.score)} (${responses(nps)}, last ${win.npsDays} days)` : `no NPS response in the last ${win.npsDays} days`,
    },
    {
      key: 'csat',
      label: 'CSAT',
      value: csat?.scaled ?? null,
      weight: w.csat,
      detail: csat ? `CSAT ${roundTo(csat.score)}% satisfied (${responses(csat)}, last ${win.csatDays} days)` : `no CSAT response in the last ${win.csatDays} days`,
    },
    {
      key: 'ces',
      label: 'CES',
      value: ces?.scaled ?? null,
      weight: w.ces,
      detail: ces ? `CES ${roundTo(ces.score, 2)} of 7, 7 = very easy (${responses(ces)}, last ${win.cesDays} days)` : `no CES response in the last ${win.cesDays} days`,
    },
  ]);
}
