/**
 * The contract between the core (`cairn.js`) and the lazily loaded experiences engine
 * (`cairn-experiences.js`). The core imports these types only; the engine gets everything
 * it needs through the host object, so it shares no runtime state with the core's bundle.
 */
import type { JsonObject, WireEvent } from '@cairn/protocol';
import type { Identity } from '../identity.ts';
import type { Logger } from '../logger.ts';
import type { InitOptions, SdkEvents } from '../types.ts';

/** What the core hands the engine. */
export interface ExperienceHost {
  /** Raw configs as received, validated by the engine: the remote one, then `init({ experiences })` (wins by id). */
  configs: unknown[];
  /** Events recorded between `init()` and the engine's start, in order (they count toward milestones). */
  early: WireEvent[];
  /** The client's options (`headless`, `locale`, `nonce`). */
  options: Pick<InitOptions, 'headless' | 'locale' | 'nonce'>;
  /** Collector origin without a trailing slash. */
  host: string;
  writeKey: string;
  /** Records a track event through the normal path (queue, storage, delivery, `_onRecord`). */
  track(event: string, properties: JsonObject): void;
  identity(): Identity;
  /** Observes every recorded event; returns unsubscribe. */
  onRecord(fn: (event: WireEvent) => void): () => void;
  emit<K extends keyof SdkEvents>(name: K, payload: SdkEvents[K]): void;
  /** Reports a problem in the message formula: logged and emitted as `error`. */
  fail(action: string, cause: string, fix: string): void;
  log: Logger;
  /** Loads an ES module by URL (a dynamic `import()`; tests substitute it). */
  load(url: string): Promise<unknown>;
}

/** What the engine gives back: the headless API the core forwards to. */
export interface ExperienceEngine {
  respond(surveyId: string, score: number, comment?: string): void;
  dismiss(id: string): void;
  completeStep(checklistId: string, stepId: string): void;
  openChecklist(checklistId: string): void;
  close(): void;
}

/** The engine module's export. */
export interface ExperienceModule {
  startExperiences(host: ExperienceHost): ExperienceEngine;
}
