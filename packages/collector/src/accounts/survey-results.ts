import { SURVEY_SCALES, type SurveyKind, type SurveyResults } from '@cairn/protocol';
import type { Queryable } from '../db/database.ts';
import { cesScore, csatScore, npsScore, responsesInWindow, weekStartOf, type HealthConfig, type SurveyResponseFact } from '../health/index.ts';

const SCORERS: Record<SurveyKind, (scores: readonly number[]) => number | null> = { nps: npsScore, csat: csatScore, ces: cesScore };
const WEEKS = 12;
const MAX_COMMENTS = 100;
const DAY_MS = 86_400_000;
const round = (value: number | null, decimals = 1) => (value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals);

interface ResponseRow {
  account_id: string | null;
  user_key: string | null;
  score: number;
  comment: string | null;
  at: Date | string;
}

/**
 * `GET /v1/surveys/results`: responses of one kind in the kind's window (NPS 180 days, CSAT and
 * CES 90 by default), for the workspace or one account and optionally one survey.
 * `score` is the model's measure (each user's latest answer counts once); `responses` and
 * `distribution` count every answer; `weekly` has the last 12 Monday-start weeks (score of the
 * answers given that week); `comments` are the newest 100 with text.
 */
export async function surveyResults(
  db: Queryable,
  workspaceId: string,
  request: { kind: SurveyKind; accountId?: string; surveyId?: string },
  config: HealthConfig,
  now: Date,
): Promise<SurveyResults> {
  const windowDays = request.kind === 'nps' ? config.surveyWindows.npsDays : request.kind === 'csat' ? config.surveyWindows.csatDays : config.surveyWindows.cesDays;
  const from = new Date(Math.min(now.getTime() - windowDays * DAY_MS, Date.parse(`${weekStartOf(now)}T00:00:00Z`) - (WEEKS - 1) * 7 * DAY_MS));
  const params: unknown[] = [workspaceId, request.kind, from.toISOString(), now.toISOString()];
  let filter = '';
  if (request.accountId !== undefined) {
    params.push(request.accountId);
    filter += ` AND account_id = $${params.length}`;
  }
  if (request.surveyId !== undefined) {
    params.push(request.surveyId);
    filter += ` AND survey_id = $${params.length}`;
  }
  const rows = await db.query<ResponseRow>(
    `SELECT account_id, user_key, score, comment, at FROM survey_responses
     WHERE workspace_id = $1 AND kind = $2 AND at >= $3::timestamptz AND at <= $4::timestamptz${filter} ORDER BY at`,
    params,
  );
  const windowStart = now.getTime() - windowDays * DAY_MS;
  const inWindow = rows.filter((row) => new Date(row.at).getTime() >= windowStart);
  const { min, max } = SURVEY_SCALES[request.kind];
  const distribution: Record<string, number> = {};
  for (let score = min; score <= max; score += 1) distribution[String(score)] = 0;
  for (const row of inWindow) {
    const key = String(Number(row.score));
    if (key in distribution) distribution[key] = (distribution[key] ?? 0) + 1;
  }
  const facts: SurveyResponseFact[] = inWindow.map((row) => ({ kind: request.kind, score: Number(row.score), at: new Date(row.at).toISOString(), userId: row.user_key }));
  const counted = responsesInWindow(facts, request.kind, now, windowDays).map((r) => r.score);
  const score = SCORERS[request.kind](counted);

  const firstWeek = Date.parse(`${weekStartOf(now)}T00:00:00Z`) - (WEEKS - 1) * 7 * DAY_MS;
  const weeks = Array.from({ length: WEEKS }, (_, i) => ({ weekStart: new Date(firstWeek + i * 7 * DAY_MS).toISOString().slice(0, 10), scores: [] as number[] }));
  for (const row of rows) {
    const index = Math.floor((new Date(row.at).getTime() - firstWeek) / (7 * DAY_MS));
    weeks[index]?.scores.push(Number(row.score));
  }
  const comments = inWindow
    .filter((row) => row.comment !== null)
    .slice(-MAX_COMMENTS)
    .reverse()
    .map((row) => ({ at: new Date(row.at).toISOString(), accountId: row.account_id, userId: row.user_key, score: Number(row.score), comment: row.comment! }));
  return {
    kind: request.kind,
    surveyId: request.surveyId ?? null,
    responses: inWindow.length,
    score: round(score, request.kind === 'ces' ? 2 : 1),
    distribution,
    weekly: weeks.map((week) => ({ weekStart: week.weekStart, responses: week.scores.length, score: round(SCORERS[request.kind](week.scores), request.kind === 'ces' ? 2 : 1) })),
    comments,
  };
}
