export { createWidgets } from './create-widgets.tsx';
export type {
  ChecklistHandlers,
  ChecklistStepView,
  ChecklistView,
  SurveyHandlers,
  SurveyView,
  Widgets,
  WidgetsOptions,
} from './views.ts';
export type { Logger } from './logger.ts';
export { DEFAULT_STRINGS } from './strings.ts';
export type { StringKey } from './strings.ts';
export { resolveLocale } from './locale.ts';
export { scoreBand } from './score-band.ts';
