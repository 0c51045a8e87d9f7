/**
 * The contract between the SDK and the widgets. The SDK owns state, targeting,
 * persistence and events; it hands the widgets a view to draw and handlers to call back.
 */
import type { FollowUp, StepAction, SurveyKind, Theme } from '@cairn/protocol';
import type { Logger } from './logger.ts';

/** One step as the SDK sees it now. */
export interface ChecklistStepView {
  id: string;
  title: string;
  description?: string;
  done: boolean;
  /** Link (http(s) or relative only; others are not rendered) or vendor callback. */
  action?: StepAction;
  /** Offer a "Mark as done" button while the step is not done. */
  manual?: boolean;
}

/**
 * A checklist to draw. `launcher`: a button with the title and progress; `open`: the
 * panel of steps; `minimised`: a small round button with the progress only.
 */
export interface ChecklistView {
  id: string;
  title: string;
  description?: string;
  steps: ChecklistStepView[];
  mode: 'launcher' | 'open' | 'minimised';
  /** The last step was just completed: show the completion moment (in the open panel). */
  justCompleted?: boolean;
}

/**
 * Called on the user's input. The checklist never changes its own mode: the SDK answers
 * `onOpen`/`onMinimise` with a new `renderChecklist` (and `onDismiss` with `null`).
 */
export interface ChecklistHandlers {
  /** The launcher or the minimised button was activated. */
  onOpen(): void;
  /** The minimise button was activated or Escape was pressed in the panel. */
  onMinimise(): void;
  /** The dismiss button, or the close button of the completion moment, was activated. */
  onDismiss(): void;
  /** A step's action was activated (links then navigate as usual). */
  onStepAction(stepId: string): void;
  /** "Mark as done" was activated on a manual step. */
  onStepComplete(stepId: string): void;
}

/** A survey to draw. Missing texts fall back to the localized defaults of the kind. */
export interface SurveyView {
  id: string;
  kind: SurveyKind;
  question?: string;
  /** Resolved per score by the widget: a string for all scores, or one per band. */
  followUp?: FollowUp;
  thankYou?: string;
}

/**
 * Called on the user's input. A survey is over once either `onRespond` or `onDismiss`
 * was called (never both); the widget then hides it by itself, after the thank-you
 * for a response.
 */
export interface SurveyHandlers {
  /** The user sent a score (within the kind's scale) and an optional comment. */
  onRespond(score: number, comment?: string): void;
  /** The user closed the survey (button or Escape) without sending. */
  onDismiss(): void;
  /** The survey left the screen after the thank-you (optional). */
  onClose?(): void;
}

/** Options of `createWidgets`. */
export interface WidgetsOptions {
  theme?: Theme;
  /** Preferred locale; the SDK passes the explicit option or the user's trait. Then `navigator.languages`, then `en`. */
  locale?: string;
  /** String overrides per locale, e.g. `{ en: { 'survey.send': 'Submit' } }` (see `DEFAULT_STRINGS` for keys). */
  strings?: Record<string, Record<string, string>>;
  /** CSP nonce for the `<style>` fallback where constructable stylesheets are missing. */
  nonce?: string;
  /** Document to draw into (default: the global one). */
  document?: Document;
  /** Seconds the thank-you stays before the survey hides itself; 0 keeps it until closed (default 6). */
  thankYouSeconds?: number;
  logger?: Logger;
}

/** What `createWidgets` returns. Every method is safe to call at any time. */
export interface Widgets {
  /** Draws, updates or (with `null`) removes the checklist. */
  renderChecklist(view: ChecklistView | null, handlers?: ChecklistHandlers): void;
  /** Shows a survey, replacing any survey on screen. */
  showSurvey(view: SurveyView, handlers: SurveyHandlers): void;
  /** Withdraws the survey without calling any handler (e.g. another tab showed it). */
  hideSurvey(): void;
  /** Removes everything from the page and stops listening. */
  destroy(): void;
  /** The resolved locale (e.g. `zh-CN`). */
  readonly locale: string;
  /** The host element (its open shadow root holds the widgets). */
  readonly host: HTMLElement;
}
