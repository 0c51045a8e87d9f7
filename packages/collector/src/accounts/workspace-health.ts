import type { Workspace } from '../config.ts';
import { parseHealthConfig, type HealthConfig } from '../health/index.ts';

interface ExperienceMilestone {
  id?: unknown;
  required?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The health model config of a workspace: its `health` section parsed with `parseHealthConfig`
 * (defaults when absent). When that section names no milestones, the milestones of the
 * workspace's `experiences` section are used (`required: true` ones for activation), so the
 * score follows the product's configured milestones without repeating them.
 *
 * @throws the parse error of a bad `health` section ("Failed to load health config: …")
 */
export function workspaceHealthConfig(workspace: Pick<Workspace, 'id'> & { health?: unknown; experiences?: unknown }): HealthConfig {
  const raw = workspace.health ?? undefined;
  const config = parseHealthConfig(raw);
  const ownMilestones = isObject(raw) && raw.milestones !== undefined;
  const experiences = workspace.experiences;
  if (ownMilestones || !isObject(experiences) || !Array.isArray(experiences.milestones)) return config;
  const milestones = (experiences.milestones as ExperienceMilestone[]).filter((m) => isObject(m) && typeof m.id === 'string' && m.id !== '');
  const required = milestones.filter((m) => m.required === true).map((m) => m.id as string);
  const all = [...new Set([...required, ...milestones.map((m) => m.id as string)])];
  return { ...config, milestones: { required, all } };
}
