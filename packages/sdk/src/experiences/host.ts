/**
 * The contract between the core (`cairn.js`) and the lazily loaded experiences engine
 * (`cairn-experiences.js`). The core imports these types only; the engine gets everything
 * it needs through the host object, so it shares no runtime state with the core's bundle.
 */
import type { WireEvent } from '@cairn/protocol';
import type { Logger } from '../logger.ts';
import type { Cairn, InitOptions, SdkEvents } from '../types.ts';

/** What the core hands the engine. */
export interface ExperienceHost {
  /** Raw configs as received, validated by the engine: the remote one, then `init({ experiences })` (wins by id). */
  configs: unknown[];
  /** Events recorded between `init()` and the engine's start, in order (they count toward milestones). */
  early: WireEvent[];
  /** The client's options, with the collector origin (no trailing slash) as `host`. */
  options: InitOptions & { host: string };
  /** The client: `track` records through the normal path, `_identity`, `_onRecord`. */
  client: Pick<Cairn, 'track' | '_identity' | '_onRecord'>;
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
  /** Stops for good; `forget` (consent withdrawn) also deletes the progress stored in this browser. */
  close(forget?: boolean): void;
}

/** The engine module's export. */
export interface ExperienceModule {
  startExperiences(host: ExperienceHost): ExperienceEngine;
}
