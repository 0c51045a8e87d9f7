/**
 * Track-event names that carry experience signals. Defined once here so the SDK, the
 * widgets and the collector's health model agree on them.
 */
export const RESERVED_EVENTS = {
  /** properties: { milestone } */
  milestoneReached: 'Milestone Reached',
  /** properties: { checklistId, stepId } */
  checklistStepCompleted: 'Checklist Step Completed',
  /** properties: { checklistId } */
  checklistCompleted: 'Checklist Completed',
  /** properties: { checklistId } */
  checklistDismissed: 'Checklist Dismissed',
  /** properties: { surveyId, kind } */
  surveyShown: 'Survey Shown',
  /** properties: { surveyId, kind: 'nps' | 'csat' | 'ces', score, comment? } */
  surveyResponded: 'Survey Responded',
  /** properties: { surveyId, kind } */
  surveyDismissed: 'Survey Dismissed',
} as const;

/** One of the reserved event names. */
export type ReservedEventName = (typeof RESERVED_EVENTS)[keyof typeof RESERVED_EVENTS];

/** Survey kinds and their score ranges (inclusive). */
export const SURVEY_SCALES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
} as const;

/** A survey kind. */
export type SurveyKind = keyof typeof SURVEY_SCALES;
