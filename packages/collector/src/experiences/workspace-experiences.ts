import { parseExperienceConfig, type ExperienceConfig } from '@cairn/protocol';
import type { Workspace } from '../config.ts';

/** Puts a message of `parseExperienceConfig` (`surveys[1].kind: …`, `config: …`) under the workspace's path. */
const under = (at: string, message: string): string =>
  `${at}.experiences${message.startsWith('config') ? message.slice('config'.length) : `.${message}`}`;

// Unknown-key warnings of each parsed section, kept beside it (the config loader has no logger).
const warningsOf = new WeakMap<ExperienceConfig, string[]>();

/**
 * Validates a workspace's `experiences` section of the collector config with the protocol's
 * `parseExperienceConfig` (the schema the SDK also applies) and fills its defaults.
 *
 * @param raw - the section as read from the file (undefined when the workspace has none)
 * @param at - the workspace's path in the file, e.g. `workspaces[0]`, for the error message
 * @returns the valid config (an empty one when the section is absent)
 * @throws an error naming every faulty path, e.g.
 *   `Failed to load the collector config: workspaces[0].experiences.surveys[1].kind: must be one of "nps", … . Please fix …`
 */
export function parseWorkspaceExperiences(raw: unknown, at: string): ExperienceConfig {
  const result = parseExperienceConfig(raw ?? {});
  if (!result.ok) {
    const errors = result.errors.map((error) => under(at, error));
    throw new Error(
      `Failed to load the collector config: ${errors.join('; ')}. Please fix the "experiences" section (schema: packages/protocol/src/experience-config.ts).`,
    );
  }
  warningsOf.set(
    result.config,
    result.warnings.map((warning) => under(at, warning)),
  );
  return result.config;
}

/**
 * The experience config of a workspace, validated: the one `parseConfig` stored, or the raw
 * section parsed now (a config built in code without `parseConfig`). Throws like
 * {@link parseWorkspaceExperiences}.
 */
export function workspaceExperiences(workspace: Workspace, at: string): ExperienceConfig {
  const section = workspace.experiences;
  if (section !== undefined && warningsOf.has(section as ExperienceConfig)) return section as ExperienceConfig;
  return parseWorkspaceExperiences(section, at);
}

/** Unknown keys that were ignored while parsing `config`, with their paths in the config file. */
export function experienceWarnings(config: ExperienceConfig): string[] {
  return warningsOf.get(config) ?? [];
}
