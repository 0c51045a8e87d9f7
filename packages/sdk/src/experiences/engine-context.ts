import type { ExperienceConfig } from '@cairn/protocol';
import type { Widgets } from '@cairn/widgets';
import type { ExperienceHost } from './host.ts';
import type { TargetContext } from './targeting.ts';
import type { UserState } from './user-state.ts';

/** What the engine's parts (surveys, checklists) share: config, the user's state, targeting and the widgets. */
export interface EngineContext {
  h: ExperienceHost;
  config: ExperienceConfig;
  now(): number;
  /** The current user's state, read fresh. */
  state(): UserState;
  update(change: (s: UserState) => void): UserState;
  target(s: UserState): TargetContext;
  /** The widgets, loaded on first call; undefined when the chunk failed to load (reported). */
  widgets(): Promise<Widgets | undefined>;
  /** Whether this survey or checklist is drawn by the vendor (`init({ headless })`), not by the widgets. */
  headless(id: string): boolean;
  /** Whether the widgets chunk was requested already. */
  widgetsLoaded(): boolean;
}
