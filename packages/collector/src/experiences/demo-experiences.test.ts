import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperienceConfig } from '@cairn/protocol';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { experienceWarnings } from './workspace-experiences.ts';

const root = join(import.meta.dirname, '../../../..');

/** Event names the demo app really tracks (`cairn.track('…'` in demo/src). */
function demoEvents(dir = join(root, 'demo/src')): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) demoEvents(path).forEach((name) => names.add(name));
    else if (entry.name.endsWith('.ts')) for (const match of readFileSync(path, 'utf8').matchAll(/\.track\('([^']+)'/g)) names.add(match[1]!);
  }
  return names;
}

describe('the demo workspace experiences in cairn.config.json', async () => {
  const config = await loadConfig(join(root, 'cairn.config.json'));
  const experiences = config.workspaces.find((w) => w.id === 'demo')!.experiences as ExperienceConfig;
  const events = demoEvents();

  it('is valid, with no ignored keys', () => {
    expect(experiences).toBeDefined();
    expect(experienceWarnings(experiences)).toEqual([]);
  });

  it('has milestones on events the demo tracks, required ones for activation', () => {
    expect(events).toContain('Project Created');
    for (const milestone of experiences.milestones) expect(events, milestone.id).toContain(milestone.event);
    expect(experiences.milestones.filter((m) => m.required).length).toBeGreaterThan(0);
    expect(experiences.milestones.find((m) => m.event === 'Task Created')?.count).toBe(3);
  });

  it('has a checklist whose every step ticks from a milestone, with links into the demo', () => {
    const [checklist] = experiences.checklists;
    expect(checklist!.title).toBe('Get started with Northwind');
    for (const step of checklist!.steps) {
      expect(step.milestone, step.id).toBeDefined();
      expect(step.action, step.id).toMatchObject({ type: 'link', url: expect.stringMatching(/^\/demo\//) });
    }
  });

  it('asks NPS after a shared report first, then CSAT and CES, on events the demo tracks', () => {
    expect(experiences.surveys.map((s) => s.kind)).toEqual(['nps', 'csat', 'ces']);
    const [nps] = experiences.surveys;
    expect(nps).toMatchObject({ target: { event: 'Report Shared' }, recontactDays: 90 });
    expect(nps!.delaySeconds).toBeGreaterThan(0);
    for (const survey of experiences.surveys) expect(events, survey.id).toContain(survey.target!.event!);
    expect(experiences.throttle).toEqual({ globalDays: 1, snoozeDays: 3 });
    expect(experiences.theme.brand).toBe(readFileSync(join(root, 'demo/src/styles.css'), 'utf8').match(/--brand:\s*(#[0-9a-f]+)/i)![1]);
  });
});
