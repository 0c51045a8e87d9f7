import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPERIENCE_DEFAULTS } from '@cairn/protocol';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../config.ts';
import { experienceWarnings, parseWorkspaceExperiences, workspaceExperiences } from './workspace-experiences.ts';

const workspace = (experiences: unknown) => ({ id: 'w', writeKeys: ['wk_w'], experiences });

describe('experiences in the collector config', () => {
  it('rejects a bad section at load with its path in the file and the reason', async () => {
    const raw = {
      workspaces: [
        { id: 'ok', writeKeys: ['wk_ok'] },
        workspace({ surveys: [{ id: 'nps', kind: 'nps' }, { id: 'csat', kind: 'stars' }] }),
      ],
    };
    const dir = mkdtempSync(join(tmpdir(), 'cairn-experiences-'));
    writeFileSync(join(dir, 'cairn.config.json'), JSON.stringify(raw));
    const load = loadConfig(join(dir, 'cairn.config.json'));
    await expect(load).rejects.toThrow(/^Failed to load the collector config: workspaces\[1\]\.experiences\.surveys\[1\]\.kind: must be one of "nps", "csat", "ces", got "stars"\. Please .+\.$/);
  });

  it('names every faulty path, nested ones and a section that is not an object', () => {
    const bad = workspace({
      milestones: [{ id: 'm', event: 'E' }],
      checklists: [{ id: 'c', title: 'C', steps: [{ id: 's', title: 'S', milestone: 'nope', action: { type: 'link', url: 'javascript:alert(1)' } }] }],
    });
    expect(() => parseConfig({ workspaces: [bad] })).toThrow(/workspaces\[0\]\.experiences\.checklists\[0\]\.steps\[0\]\.milestone: refers to unknown milestone "nope"/);
    expect(() => parseConfig({ workspaces: [bad] })).toThrow(/workspaces\[0\]\.experiences\.checklists\[0\]\.steps\[0\]\.action\.url: must be an http\(s\) or relative URL/);
    expect(() => parseConfig({ workspaces: [workspace([1, 2])] })).toThrow(/workspaces\[0\]\.experiences: must be an object, got \[1,2\]/);
  });

  it('stores the validated section with defaults, and none when the workspace has none', () => {
    const [withSection, without] = parseConfig({
      workspaces: [workspace({ surveys: [{ id: 'nps', kind: 'nps' }] }), { id: 'v', writeKeys: ['wk_v'] }],
    }).workspaces;
    expect(withSection!.experiences).toEqual({
      milestones: [],
      checklists: [],
      surveys: [{ id: 'nps', kind: 'nps', ...EXPERIENCE_DEFAULTS.survey }],
      throttle: EXPERIENCE_DEFAULTS.throttle,
      theme: {},
    });
    expect('experiences' in without!).toBe(false);
    expect(workspaceExperiences(without!, 'workspaces[1]')).toEqual({ milestones: [], checklists: [], surveys: [], throttle: EXPERIENCE_DEFAULTS.throttle, theme: {} });
  });

  it('keeps unknown keys as warnings with their path in the file', () => {
    const config = parseWorkspaceExperiences({ surveys: [{ id: 'nps', kind: 'nps', recontactDay: 30 }] }, 'workspaces[2]');
    expect(experienceWarnings(config)).toEqual(['workspaces[2].experiences.surveys[0].recontactDay: unknown key ignored']);
    expect(config.surveys[0]).not.toHaveProperty('recontactDay');
  });

  it('validates a section of a config built in code without parseConfig', () => {
    const raw = { id: 'w', name: 'w', writeKeys: [], secretKeys: [], rateLimit: { eventsPerSecond: 1, burst: 1 }, experiences: { throttle: { globalDays: -1 } } };
    expect(() => workspaceExperiences(raw, 'workspaces[0]')).toThrow(/workspaces\[0\]\.experiences\.throttle\.globalDays: must be a number from 0 to 3650, got -1/);
  });
});
