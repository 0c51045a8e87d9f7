import { parseExperienceConfig, type ExperienceConfig } from '@cairn/protocol';

type WithId = { id: string };
/** `base` with `over`'s items replacing those of the same id and the rest appended. */
const byId = <T extends WithId>(base: T[], over: T[]): T[] => [...base.filter((b) => !over.some((x) => x.id === b.id)), ...over];

/**
 * Validates each raw config with `parseExperienceConfig` (the collector's validator) and merges
 * the valid ones in order, later ones winning by id (remote first, then `init({ experiences })`).
 * A bad config is reported through `fail` and left out; the others still apply.
 */
export function mergeConfigs(raw: unknown[], fail: (cause: string) => void, warn: (message: string) => void): ExperienceConfig | undefined {
  let out: ExperienceConfig | undefined;
  for (const item of raw) {
    const r = parseExperienceConfig(item);
    if (!r.ok) {
      fail(r.errors.join('; '));
      continue;
    }
    r.warnings.forEach(warn);
    const c = r.config;
    out = out
      ? {
          ...out,
          ...c,
          milestones: byId(out.milestones, c.milestones),
          checklists: byId(out.checklists, c.checklists),
          surveys: byId(out.surveys, c.surveys),
          // parseExperienceConfig fills throttle defaults: a config that names no throttle keeps the earlier one.
          throttle: (item as { throttle?: unknown }).throttle ? c.throttle : out.throttle,
          theme: { ...out.theme, ...c.theme },
          strings: { ...out.strings, ...c.strings },
          locale: c.locale ?? out.locale,
        }
      : c;
  }
  return out;
}
