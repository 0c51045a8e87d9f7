import { RESERVED_EVENTS, type ExperienceConfig, type JsonObject, type WireEvent } from '@cairn/protocol';
import type { Identity } from '../identity.ts';
import { timeToValueDays, type Progress } from './lifecycle.ts';
import type { UserState } from './user-state.ts';

/** What the milestone tracker needs from the engine. */
export interface MilestoneDeps {
  config: ExperienceConfig;
  identity(): Identity;
  update(change: (s: UserState) => void): UserState;
  track(event: string, properties: JsonObject): void;
  onActivated(at: string, timeToValueDays: number | undefined): void;
}

/**
 * Activation as the collector computes it: every required milestone reached; with none
 * marked required, any milestone. `adopted`: every milestone reached.
 */
export function progressOf(config: ExperienceConfig, s: UserState): Progress {
  const reached = (m: { id: string }) => !!s.milestones[m.id];
  const required = config.milestones.filter((m) => m.required);
  return {
    activated: required.length ? required.every(reached) : config.milestones.some(reached),
    adopted: config.milestones.length > 0 && config.milestones.every(reached),
  };
}

/**
 * Counts tracked events toward the configured milestones and records `Milestone Reached
 * { milestone }` once per user per milestone: the user's state (local, merged with the
 * collector's) remembers what was reached, so a reload, another tab or another device does
 * not emit it again. The event that completes activation also carries `activated: true`
 * and `timeToValueDays` (from the user's or account's signup trait).
 */
export function createMilestones(d: MilestoneDeps) {
  return {
    see(e: WireEvent): void {
      const props = e.properties ?? {};
      const hits = d.config.milestones.filter((m) => m.event === e.event && Object.entries(m.where ?? {}).every(([k, v]) => props[k] === v));
      if (!hits.length) return;
      const at = e.timestamp;
      const reached: string[] = [];
      let activated = false;
      d.update((s) => {
        for (const m of hits) {
          if (s.milestones[m.id]) continue;
          const n = (s.counts[m.id] ?? 0) + 1;
          if (n < (m.count ?? 1)) s.counts[m.id] = n;
          else {
            s.milestones[m.id] = at;
            delete s.counts[m.id];
            reached.push(m.id);
          }
        }
        if (reached.length && !s.activatedAt && progressOf(d.config, s).activated) activated = !!(s.activatedAt = at);
      });
      reached.forEach((milestone, i) => {
        if (!activated || i < reached.length - 1) return d.track(RESERVED_EVENTS.milestoneReached, { milestone });
        const ttv = timeToValueDays(d.identity(), at);
        d.track(RESERVED_EVENTS.milestoneReached, { milestone, activated: true, ...(ttv === undefined ? {} : { timeToValueDays: ttv }) });
        d.onActivated(at, ttv);
      });
    },
  };
}
