import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RESERVED_EVENTS, validateEvent, type WireEvent } from '@cairn/protocol';
import { describe, expect, it } from 'vitest';
import { defaultRootDir } from '../app.ts';
import { parseConfig } from '../config.ts';
import { emptyFactsState, foldEvent, parseHealthConfig, scoreAccount } from '../health/index.ts';
import { toBatches } from './send-batches.ts';
import { demoData } from './seed-demo.ts';

const DAY = 86_400_000;
const now = Date.parse('2026-11-23T12:00:00Z');
const workspace = parseConfig(JSON.parse(readFileSync(resolve(defaultRootDir, 'cairn.config.json'), 'utf8'))).workspaces.find((w) => w.id === 'demo')!;
const data = demoData({ workspace, now });
const milestones = ((workspace.experiences as { milestones?: { id: string; required?: boolean }[] } | undefined)?.milestones ?? []);
const health = parseHealthConfig({ milestones: { required: milestones.filter((m) => m.required).map((m) => m.id), all: milestones.map((m) => m.id) } });

function scores() {
  const byAccount = new Map<string, WireEvent[]>();
  for (const event of data.events) byAccount.set(event.groupId!, [...(byAccount.get(event.groupId!) ?? []), event]);
  return data.accounts.map((account) => {
    let state = emptyFactsState(account.id);
    for (const event of byAccount.get(account.id) ?? []) state = foldEvent(state, event, health);
    return { account, scored: scoreAccount(state.facts, health, new Date(now)) };
  });
}

describe('demo data', () => {
  it('has about 200 accounts, 2,000 users and tens of thousands of valid events, all attributed to an account', () => {
    expect(data.accounts).toHaveLength(200);
    const users = data.accounts.reduce((n, a) => n + a.users.length, 0);
    expect(users).toBeGreaterThan(1_500);
    expect(users).toBeLessThan(2_500);
    expect(data.events.length).toBeGreaterThan(20_000);
    expect(data.events.filter((e) => !validateEvent(e).ok)).toEqual([]);
    expect(data.events.every((e) => typeof e.groupId === 'string' && typeof e.userId === 'string')).toBe(true);
    expect(new Set(data.events.map((e) => e.messageId)).size).toBe(data.events.length);
    expect(data.events.every((e) => Date.parse(e.timestamp) < now)).toBe(true);
  });

  it('is deterministic for a seed and a time, and different for another seed', () => {
    const again = demoData({ workspace, now });
    expect(again.events.length).toBe(data.events.length);
    expect(again.events.slice(-200)).toEqual(data.events.slice(-200));
    expect(demoData({ workspace, now, seed: 7 }).events.slice(-200)).not.toEqual(data.events.slice(-200));
  });

  it('uses the demo app events, page views, the configured milestones and surveys with comments', () => {
    const names = new Set(data.events.map((e) => e.event ?? e.type));
    for (const name of ['Project Created', 'Task Created', 'Task Completed', 'Teammate Invited', 'Report Shared', 'Settings Updated', 'page', 'identify', 'group']) expect(names).toContain(name);
    const reached = new Set(data.events.filter((e) => e.event === RESERVED_EVENTS.milestoneReached).map((e) => e.properties!.milestone));
    expect([...reached].sort()).toEqual(milestones.map((m) => m.id).sort());
    const responses = data.events.filter((e) => e.event === RESERVED_EVENTS.surveyResponded).map((e) => e.properties!);
    expect(new Set(responses.map((r) => r.kind))).toEqual(new Set(['nps', 'csat', 'ces']));
    expect(responses.find((r) => r.kind === 'nps')!.surveyId).toBe('nps-after-report');
    expect(responses.filter((r) => typeof r.comment === 'string').length).toBeGreaterThan(100);
  });

  it('spans 90 days of usage, with contract ends inside 90 days for some accounts and tiers from MRR', () => {
    const usage = data.events.filter((e) => e.type === 'page').map((e) => Date.parse(e.timestamp));
    expect(Math.min(...usage)).toBeGreaterThanOrEqual(now - 90 * DAY - DAY);
    expect(Math.min(...usage)).toBeLessThan(now - 85 * DAY);
    const renewing = data.accounts.filter((a) => a.contractEndAt - now < 90 * DAY);
    expect(renewing.length).toBeGreaterThan(20);
    expect(new Set(data.accounts.map((a) => a.tier))).toEqual(new Set(['A', 'B', 'C']));
    expect(data.accounts.every((a) => (a.mrr >= 5000) === (a.tier === 'A'))).toBe(true);
  });

  it('scores into every band with every kind of risk flag under the health model', () => {
    const scored = scores();
    const bands = new Set(scored.map((s) => s.scored.band));
    expect(bands).toEqual(new Set(['green', 'yellow', 'red']));
    const flags = new Set(scored.flatMap((s) => s.scored.flags));
    for (const flag of ['not_activated_day_30', 'detractor_90d', 'usage_drop', 'inactive_14d', 'red_in_renewal']) expect(flags).toContain(flag);
    const byProfile = (profile: string) => scored.filter((s) => s.account.profile === profile).map((s) => s.scored);
    const mean = (list: { health: number }[]) => list.reduce((n, s) => n + s.health, 0) / list.length;
    expect(mean(byProfile('thriving'))).toBeGreaterThan(mean(byProfile('average')));
    expect(mean(byProfile('average'))).toBeGreaterThan(mean(byProfile('never_activated')));
    expect(byProfile('never_activated').every((s) => !s.activated && s.flags.includes('not_activated_day_30'))).toBe(true);
    expect(byProfile('detractor_heavy').filter((s) => s.flags.includes('detractor_90d')).length).toBeGreaterThan(byProfile('detractor_heavy').length / 2);
  });

  it('fits the ingest limits in batches of at most 500 events', () => {
    const batches = toBatches(data.events, 500);
    expect(batches.every((b) => b.length <= 500 && JSON.stringify({ batch: b }).length < 500 * 1024)).toBe(true);
    expect(batches.flat()).toHaveLength(data.events.length);
  });
});
