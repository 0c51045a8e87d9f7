import type { ExperienceConfig, JsonObject, Survey, WireEvent } from '@cairn/protocol';
import type { ChecklistView } from '@cairn/widgets';
import type { Identity } from './identity.ts';

/** Options of `init()`. */
export interface InitOptions {
  /** The workspace's public write key. */
  writeKey: string;
  /** Collector origin, e.g. `https://cairn.example.com`. Default: the origin `cairn.js` was loaded from, else the page's. */
  host?: string;
  /** Send once this many events wait (default 20). */
  flushAt?: number;
  /** Send events at most this many ms after they are recorded (default 5000). */
  flushInterval?: number;
  /** Most events kept waiting; beyond it the oldest are dropped and reported (default 1000). */
  maxQueueSize?: number;
  /** Hold all storage and network until `consent(true)` (default false). */
  requireConsent?: boolean;
  /** Record a `page` event at init and on every SPA navigation (default false). */
  autoPage?: boolean;
  /** `memory` keeps the queue in this tab only, never in IndexedDB (default `indexeddb`). */
  storage?: 'indexeddb' | 'memory';
  /** First retry delay in ms, doubled per attempt with full jitter (default 1000). */
  retryBaseMs?: number;
  /** Longest retry delay in ms, unless the collector's Retry-After says longer (default 60000). */
  retryMaxMs?: number;
  /**
   * Milestones, checklists and surveys given in code (the `ExperienceConfig` schema of
   * `@cairn/protocol`), merged over the collector's `GET /v1/config` (same ids: these win).
   * Validated like the remote config; a bad one is reported through `on('error')`, never thrown.
   */
  experiences?: Partial<ExperienceConfig>;
  /**
   * Never load the widgets: surveys and checklists arrive through `on('survey')` and
   * `on('checklist')`, answers go back through `respond`, `dismiss` and `completeStep` (default false).
   * A list of survey and checklist ids makes only those headless; the others use the widgets.
   */
  headless?: boolean | string[];
  /** Locale of the widgets; then the user's `locale` trait, the config's locale, the browser's language. */
  locale?: string;
  /** CSP nonce for the widgets' style element (only where constructable stylesheets are missing). */
  nonce?: string;
}

/** Why events were given up. */
export type DropReason =
  /** The collector rejected these events one by one (200 body `rejected`). */
  | 'rejected'
  /** The collector refused the whole batch with a 4xx other than 408/429. */
  | 'client_error'
  /** The queue was full: the oldest events made room. */
  | 'overflow'
  /** Larger than the collector's 32 KB per event. */
  | 'too_large'
  /** Not storable (e.g. circular properties). */
  | 'invalid';

/** The events `on()` can observe. */
export interface SdkEvents {
  /** Events the collector acknowledged (stored or already stored). */
  delivered: { count: number };
  /** Events given up for good. */
  dropped: { reason: DropReason; count: number; status?: number; detail?: string; messageIds?: string[] };
  /** A problem: a retryable delivery failure (`status?`, `retryInMs`), or a misuse of the API. */
  error: { message: string; status?: number; retryInMs?: number };
  /** A survey passed its targeting and restraint and is shown now (headless: draw it, then call `respond` or `dismiss`). */
  survey: { survey: Survey };
  /** The checklist to draw changed; `null` when none is to be shown (fires in headless mode and with widgets). */
  checklist: ChecklistView | null;
  /** The user reached every required milestone; `timeToValueDays` from the user's or account's signup trait. */
  activated: { at: string; timeToValueDays?: number };
  /** A checklist step's callback action was activated. */
  action: { checklistId: string; stepId: string; name: string };
}

/** The public SDK: every method is safe to call in any state and never throws. */
export interface Cairn {
  /** Starts the client. Call once; later calls are ignored with a warning. */
  init(options: InitOptions): void;
  /** Names the signed-in user; `userId` is attached to every later event. */
  identify(userId: string, traits?: JsonObject): void;
  /** Names the user's account; `groupId` is attached to every later event. */
  group(accountId: string, traits?: JsonObject): void;
  /**
   * Records an action. Costs microseconds: the event is queued and sent later.
   * @example cairn.track('Report Shared', { reportId: 'r1' })
   */
  track(event: string, properties?: JsonObject): void;
  /** Records a page view; url, path, title and referrer are added to the properties. */
  page(name?: string, properties?: JsonObject): void;
  /** Forgets user, group, traits and anonymousId (call on sign-out). */
  reset(): void;
  /** Answers the consent question: `true` starts storage and sending, `false` clears the queue and stops. */
  consent(granted: boolean): void;
  /** Sends what waits now; resolves when done (never rejects). In a tab that does not lead, wakes the leader. */
  flush(): Promise<void>;
  /** Subscribes to `delivered`, `dropped`, `error`, `survey`, `checklist`, `activated` or `action`; returns the unsubscribe function. */
  on<K extends keyof SdkEvents>(name: K, fn: (payload: SdkEvents[K]) => void): () => void;
  /**
   * Answers the survey on screen (headless mode, or the vendor's own UI): records
   * `Survey Responded { surveyId, kind, score, comment? }` and ends the prompt.
   * @example cairn.on('survey', ({ survey }) => draw(survey, (score) => cairn.respond(survey.id, score)))
   */
  respond(surveyId: string, score: number, comment?: string): void;
  /** Dismisses the survey on screen (`Survey Dismissed`, snoozed) or a checklist (`Checklist Dismissed`). */
  dismiss(id: string): void;
  /** Marks a checklist step done (`Checklist Step Completed`, then `Checklist Completed` with the last one). */
  completeStep(checklistId: string, stepId: string): void;
  /** Restores a dismissed or minimised checklist and opens it. */
  openChecklist(checklistId: string): void;
  /** Stops timers, listeners and leadership (tests, SPA teardown). Waiting events stay queued. */
  close(): void;
  /** @internal Observes every recorded event (for milestones and targeting); returns unsubscribe. */
  _onRecord(fn: (event: WireEvent) => void): () => void;
  /** @internal The current identity. */
  _identity(): Identity;
}
