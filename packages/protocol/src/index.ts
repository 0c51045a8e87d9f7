export type { EventType, JsonObject, WireEvent, BatchBody } from './event.ts';
export { EVENT_TYPES } from './event.ts';
export { MAX_EVENT_BYTES, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, KEEPALIVE_BYTES, MAX_ID_LENGTH } from './limits.ts';
export { RESERVED_EVENTS, SURVEY_SCALES } from './reserved-events.ts';
export type { ReservedEventName, SurveyKind } from './reserved-events.ts';
export type { Rejection, IngestResponse, ErrorResponse } from './responses.ts';
export { isRetryableStatus } from './responses.ts';
export type { EventValidation } from './validate-event.ts';
export { validateEvent } from './validate-event.ts';
export type {
  Band,
  Tier,
  Stage,
  RiskFlag,
  AccountSummary,
  AccountList,
  ScoreComponent,
  FlagReason,
  AccountDetail,
  TimelineEntry,
  SurveyResults,
} from './csm-api.ts';
export type {
  ConfigScalar,
  Targeting,
  Milestone,
  StepAction,
  ChecklistStep,
  Checklist,
  ScoreBand,
  FollowUp,
  Survey,
  Throttle,
  Placement,
  Theme,
  ExperienceConfig,
  ExperienceConfigResult,
} from './experience-config.ts';
export { EXPERIENCE_DEFAULTS, PLACEMENTS, isSafeLinkUrl, parseExperienceConfig } from './experience-config.ts';
