import { RESERVED_EVENTS } from '@cairn/protocol';
import type { Queryable } from '../db/database.ts';

/** A checklist's progress on the collector's side (ISO times). */
export interface ChecklistProgress {
  completedSteps: Record<string, string>;
  dismissedAt?: string;
  completedAt?: string;
}

/** When a survey was last shown, answered and dismissed to the user (ISO times). */
export interface SurveyProgress {
  shownAt?: string;
  respondedAt?: string;
  dismissedAt?: string;
}

/**
 * Answer of `GET /v1/state`: one user's onboarding progress, derived from the reserved
 * events stored for that user id. Shape of the SDK's `ServerState`.
 */
export interface UserExperienceState {
  /** Milestone id → when it was first reached. */
  milestones: Record<string, string>;
  checklists: Record<string, ChecklistProgress>;
  surveys: Record<string, SurveyProgress>;
  /** When the user was last shown any survey (the global cap counts from it). */
  lastPromptAt?: string;
}

/** One group of the state query: a reserved event for one id, with its first and last time. */
export interface StateRow {
  event: string;
  milestone: string | null;
  checklist_id: string | null;
  step_id: string | null;
  survey_id: string | null;
  first_at: Date | string;
  last_at: Date | string;
}

/**
 * The reserved names the state reads, in the order of the partial index of migration 0002:
 * the query repeats the index's predicate literally so the planner can prove it uses it.
 */
export const STATE_EVENTS: readonly string[] = [
  RESERVED_EVENTS.milestoneReached,
  RESERVED_EVENTS.checklistStepCompleted,
  RESERVED_EVENTS.checklistCompleted,
  RESERVED_EVENTS.checklistDismissed,
  RESERVED_EVENTS.surveyShown,
  RESERVED_EVENTS.surveyResponded,
  RESERVED_EVENTS.surveyDismissed,
];

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** At most this many (event, id) groups per user: a sender cannot make one answer unbounded. */
export const MAX_STATE_GROUPS = 10_000;

// One row per (event, id) with min/max time: the answer grows with the config's ids, not with
// how often a user repeated an event.
const STATE_SQL = `
SELECT event,
  properties->>'milestone' AS milestone,
  properties->>'checklistId' AS checklist_id,
  properties->>'stepId' AS step_id,
  properties->>'surveyId' AS survey_id,
  min(timestamp) AS first_at,
  max(timestamp) AS last_at
FROM events
WHERE workspace_id = $1 AND user_id = $2 AND type = 'track'
  AND event IN (${STATE_EVENTS.map(quote).join(', ')})
GROUP BY 1, 2, 3, 4, 5
LIMIT ${MAX_STATE_GROUPS}`;

// Null-prototype maps: ids come from event properties, and "__proto__" must stay a plain key.
const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
const iso = (value: Date | string) => new Date(value).toISOString();
const earlier = (a: string | undefined, b: string) => (a !== undefined && a <= b ? a : b);
const later = (a: string | undefined, b: string) => (a !== undefined && a >= b ? a : b);
const present = (id: string | null): id is string => typeof id === 'string' && id.length > 0;

/**
 * Folds the grouped rows into the user's state. Progress keeps its first time (a milestone
 * reached, a step or checklist completed on two devices counts from the earlier); shown,
 * answered and dismissed keep the latest (they drive recontact and snooze). The SDK merges
 * this with its local state by the same rule, so the merge is idempotent.
 */
export function foldStateRows(rows: readonly StateRow[]): UserExperienceState {
  const state: UserExperienceState = { milestones: dict(), checklists: dict(), surveys: dict() };
  const checklist = (id: string) => (state.checklists[id] ??= { completedSteps: dict() });
  const survey = (id: string) => (state.surveys[id] ??= {});
  for (const row of rows) {
    const first = iso(row.first_at);
    const last = iso(row.last_at);
    switch (row.event) {
      case RESERVED_EVENTS.milestoneReached:
        if (present(row.milestone)) state.milestones[row.milestone] = earlier(state.milestones[row.milestone], first);
        break;
      case RESERVED_EVENTS.checklistStepCompleted:
        if (present(row.checklist_id) && present(row.step_id)) {
          const steps = checklist(row.checklist_id).completedSteps;
          steps[row.step_id] = earlier(steps[row.step_id], first);
        }
        break;
      case RESERVED_EVENTS.checklistCompleted:
        if (present(row.checklist_id)) checklist(row.checklist_id).completedAt = earlier(state.checklists[row.checklist_id]!.completedAt, first);
        break;
      case RESERVED_EVENTS.checklistDismissed:
        if (present(row.checklist_id)) checklist(row.checklist_id).dismissedAt = later(state.checklists[row.checklist_id]!.dismissedAt, last);
        break;
      case RESERVED_EVENTS.surveyShown:
        if (present(row.survey_id)) {
          survey(row.survey_id).shownAt = later(state.surveys[row.survey_id]!.shownAt, last);
          state.lastPromptAt = later(state.lastPromptAt, last);
        }
        break;
      case RESERVED_EVENTS.surveyResponded:
        if (present(row.survey_id)) survey(row.survey_id).respondedAt = later(state.surveys[row.survey_id]!.respondedAt, last);
        break;
      case RESERVED_EVENTS.surveyDismissed:
        if (present(row.survey_id)) survey(row.survey_id).dismissedAt = later(state.surveys[row.survey_id]!.dismissedAt, last);
        break;
    }
  }
  return state;
}

/**
 * Reads one user's experience state from the stored reserved events of `userId` (any device,
 * any anonymousId) in one grouped query, served by the partial index of migration 0002.
 */
export async function readUserExperienceState(db: Queryable, workspaceId: string, userId: string): Promise<UserExperienceState> {
  return foldStateRows(await db.query<StateRow>(STATE_SQL, [workspaceId, userId]));
}

/** The state query, for EXPLAIN in tests. */
export const stateSql = STATE_SQL;
