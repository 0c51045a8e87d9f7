import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config.ts';
import { DEFAULT_HEALTH_CONFIG } from '../health/index.ts';
import { workspaceHealthConfig } from './workspace-health.ts';

const workspace = (extra: Record<string, unknown>) => parseConfig({ workspaces: [{ id: 'w', writeKeys: ['wk_w'], secretKeys: ['sk_w'], ...extra }] }).workspaces[0]!;
const experiences = {
  milestones: [
    { id: 'created_project', event: 'Project Created', required: true },
    { id: 'invited_teammate', event: 'Teammate Invited', required: true },
    { id: 'shared_report', event: 'Report Shared' },
  ],
};

describe('workspaceHealthConfig', () => {
  it('gives the defaults without a health section', () => {
    expect(workspaceHealthConfig(workspace({}))).toEqual(DEFAULT_HEALTH_CONFIG);
  });

  it("takes the milestones of the experiences section when health names none (required ones activate)", () => {
    const config = workspaceHealthConfig(workspace({ experiences, health: { inactivityDays: 7 } }));
    expect(config.milestones).toEqual({ required: ['created_project', 'invited_teammate'], all: ['created_project', 'invited_teammate', 'shared_report'] });
    expect(config.inactivityDays).toBe(7);
  });

  it("keeps the health section's own milestones over the experiences'", () => {
    const config = workspaceHealthConfig(workspace({ experiences, health: { milestones: { required: ['shared_report'] } } }));
    expect(config.milestones).toEqual({ required: ['shared_report'], all: ['shared_report'] });
  });

  it('refuses a bad health section (the app creating its aggregator at start-up fails with it)', () => {
    expect(() => workspaceHealthConfig(workspace({ health: { bands: { yellowFrom: 'fifty' } } }))).toThrow(
      'Failed to load health config: bands.yellowFrom must be a number between 0 and 100. Please fix the "health" section of the workspace config.',
    );
    expect(() => workspaceHealthConfig(workspace({ health: { colour: 'red' } }))).toThrow(/unknown key "colour"/);
  });
});
