import { RESERVED_EVENTS, type WireEvent } from '@cairn/protocol';
import type { DemoAccount, DemoProfile, DemoUser } from './demo-accounts.ts';
import { COMMENTS, PAGES } from './demo-names.ts';
import type { Prng } from './prng.ts';

/** A milestone of the workspace's `experiences` (what the SDK would report as `Milestone Reached`). */
export interface DemoMilestone {
  id: string;
  event: string;
  count: number;
  where?: Record<string, unknown>;
}

/** What the events depend on besides the account. */
export interface DemoEventOptions {
  now: number;
  /** Days of everyday activity before `now`. */
  days: number;
  milestones: readonly DemoMilestone[];
  /** Survey ids per kind (from the workspace's surveys, else the kind's name). */
  surveys: { nps: string; csat: string; ces: string };
  /** Group trait names of the signup date and contract end (the workspace's health config). */
  traits: { signupAt: string; contractEndAt: string };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Mood = 'high' | 'mid' | 'low';
const MOOD: Record<DemoProfile, Mood> = { thriving: 'high', average: 'mid', declining: 'mid', never_activated: 'mid', detractor_heavy: 'low', new: 'high' };

const NPS: Record<Mood, readonly (readonly [number, number])[]> = {
  high: [[10, 34], [9, 36], [8, 20], [7, 8], [6, 2]],
  mid: [[10, 6], [9, 20], [8, 32], [7, 30], [6, 7], [5, 3], [3, 2]],
  low: [[8, 6], [7, 8], [6, 16], [5, 18], [4, 18], [3, 14], [2, 10], [1, 5], [0, 5]],
};
const CSAT: Record<Mood, readonly (readonly [number, number])[]> = {
  high: [[5, 50], [4, 35], [3, 10], [2, 5]],
  mid: [[5, 20], [4, 35], [3, 30], [2, 10], [1, 5]],
  low: [[4, 15], [3, 30], [2, 30], [1, 25]],
};
const CES: Record<Mood, readonly (readonly [number, number])[]> = {
  high: [[7, 40], [6, 35], [5, 15], [4, 10]],
  mid: [[6, 25], [5, 35], [4, 25], [3, 15]],
  low: [[5, 15], [4, 25], [3, 30], [2, 20], [1, 10]],
};

/** Chance that a user is active on a given day, before their own engagement factor. */
function activity(profile: DemoProfile, daysAgo: number, daysSinceSignup: number, silentFromDay: number): number {
  switch (profile) {
    case 'thriving':
      return 0.16;
    case 'average':
      return 0.035;
    case 'detractor_heavy':
      return 0.05;
    case 'declining':
      return daysAgo < silentFromDay ? 0 : daysAgo > 30 ? 0.12 : 0.015;
    case 'never_activated':
      return daysSinceSignup < 7 ? 0.3 : 0.01;
    case 'new':
      return 0.25;
  }
}

/**
 * Every event of one account, in time order: identify and group per user, the onboarding of
 * activated accounts, `days` of product usage (the demo app's events and page views), the
 * `Milestone Reached` events the SDK would send, and NPS/CSAT/CES answers with comments.
 * Deterministic for a given `random` state and `now`; messageIds are stable across runs, so
 * seeding twice stores nothing twice.
 */
export function demoEvents(account: DemoAccount, random: Prng, options: DemoEventOptions): WireEvent[] {
  const { now } = options;
  const events: WireEvent[] = [];
  const windowStart = now - options.days * DAY;
  const mood = MOOD[account.profile];
  const silentFromDay = account.profile === 'declining' && random.chance(0.4) ? random.int(15, 25) : 0;
  let seq = 0;
  let projects = 0;
  let tasks = 0;
  const counts = new Map<string, Map<string, number>>();

  const push = (user: DemoUser, at: number, event: Omit<WireEvent, 'messageId' | 'timestamp' | 'userId' | 'groupId'>) => {
    if (at > now - 1_000) return;
    seq += 1;
    events.push({ ...event, messageId: `seed-${account.id}-${seq}`, timestamp: new Date(at).toISOString(), userId: user.id, groupId: account.id } as WireEvent);
  };

  const track = (user: DemoUser, at: number, name: string, properties: Record<string, unknown>) => {
    push(user, at, { type: 'track', event: name, properties });
    let perUser = counts.get(user.id);
    if (!perUser) counts.set(user.id, (perUser = new Map()));
    for (const milestone of options.milestones) {
      if (milestone.event !== name) continue;
      if (milestone.where && !Object.entries(milestone.where).every(([k, v]) => properties[k] === v)) continue;
      const reached = (perUser.get(milestone.id) ?? 0) + 1;
      perUser.set(milestone.id, reached);
      if (reached === milestone.count) push(user, at + 1_000, { type: 'track', event: RESERVED_EVENTS.milestoneReached, properties: { milestone: milestone.id } });
    }
  };

  const product = (user: DemoUser, at: number, name: string) => {
    const projectId = `prj_${Math.max(1, projects)}`;
    if (name === 'Project Created') track(user, at, name, { projectId: `prj_${(projects += 1)}`, projectCount: projects });
    else if (name === 'Task Created') track(user, at, name, { projectId, taskId: `tsk_${(tasks += 1)}` });
    else if (name === 'Task Completed') track(user, at, name, { projectId, taskId: `tsk_${random.int(1, Math.max(1, tasks))}` });
    else if (name === 'Report Shared') track(user, at, name, { projectId, channel: random.pick(['link', 'email', 'slack']) });
    else if (name === 'Settings Updated') track(user, at, name, { weeklyDigest: random.chance(0.6), timezone: random.pick(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo']) });
    else if (name === 'Teammate Invited') track(user, at, name, { role: random.pick(['member', 'viewer', 'manager']), teamSize: account.users.length, seats: account.seats });
  };

  const groupTraits = {
    name: account.name,
    plan: account.plan,
    mrr: account.mrr,
    seats: account.seats,
    tier: account.tier,
    industry: account.name.split(' ')[1],
    [options.traits.signupAt]: new Date(account.signupAt).toISOString(),
    [options.traits.contractEndAt]: new Date(account.contractEndAt).toISOString(),
  };

  for (const user of account.users) {
    push(user, user.joinedAt, { type: 'identify', traits: { name: user.name, email: user.email, role: user.role, createdAt: new Date(user.joinedAt).toISOString() } });
    push(user, user.joinedAt + 1_000, { type: 'group', traits: groupTraits });
  }

  // Onboarding by the founder: activated accounts reach every required step within days.
  const founder = account.users[0]!;
  const start = account.signupAt + HOUR;
  product(founder, start, 'Project Created');
  if (account.profile === 'never_activated') {
    product(founder, start + HOUR, 'Task Created');
  } else {
    const activationDays = account.profile === 'thriving' || account.profile === 'new' ? random.int(0, 4) : random.int(2, 18);
    for (let t = 0; t < 3; t += 1) product(founder, start + (t + 1) * HOUR, 'Task Created');
    if (account.profile !== 'new' || random.chance(0.6)) product(founder, start + activationDays * DAY + 2 * HOUR, 'Report Shared');
    if (account.profile === 'thriving' || random.chance(0.5)) product(founder, start + random.int(0, 10) * DAY + 3 * HOUR, 'Teammate Invited');
    if (random.chance(account.profile === 'thriving' ? 0.8 : 0.4)) product(founder, start + random.int(0, 14) * DAY + 4 * HOUR, 'Settings Updated');
  }

  const mix: readonly (readonly [string, number])[] =
    account.profile === 'never_activated'
      ? [['Project Created', 1]]
      : [['Task Created', 4], ['Task Completed', 4], ['Report Shared', 1.2], ['Project Created', 0.4], ['Teammate Invited', 0.1], ['Settings Updated', 0.1]];
  for (const user of account.users) {
    const from = Math.max(windowStart, user.joinedAt);
    for (let day = Math.floor((now - from) / DAY); day >= 0; day -= 1) {
      const dayStart = now - day * DAY;
      if (dayStart < user.joinedAt) continue;
      // Outside thriving accounts, a big team does not mean proportionally more days of use.
      const teamFactor = account.profile === 'thriving' ? 1 : Math.min(1, 8 / account.users.length);
      const p = activity(account.profile, day, Math.floor((dayStart - account.signupAt) / DAY), silentFromDay) * user.engagement * teamFactor;
      if (!random.chance(p)) continue;
      let at = dayStart - DAY + random.int(8, 18) * HOUR + random.int(0, 59) * 60_000;
      const page = random.pick(PAGES);
      push(user, at, { type: 'page', name: page.title, properties: { path: `/demo${page.path}`, title: page.title } });
      for (let n = random.int(1, 3); n > 0; n -= 1) product(user, (at += random.int(1, 20) * 60_000), random.weighted(mix));
    }
  }

  // Survey answers: about a third of users answer NPS, fewer CSAT and CES.
  const respondRate = account.profile === 'never_activated' ? 0.1 : 1;
  for (const user of account.users) {
    const from = Math.max(windowStart, user.joinedAt + DAY);
    if (from >= now) continue;
    const answer = (kind: 'nps' | 'csat' | 'ces', score: number, comment?: string) => {
      const at = from + random.next() * (now - from);
      const surveyId = options.surveys[kind];
      push(user, at - 20_000, { type: 'track', event: RESERVED_EVENTS.surveyShown, properties: { surveyId, kind } });
      push(user, at, { type: 'track', event: RESERVED_EVENTS.surveyResponded, properties: { surveyId, kind, score, ...(comment ? { comment } : {}) } });
    };
    if (random.chance(0.35 * respondRate)) {
      const score = random.weighted(NPS[mood]);
      const pool = score <= 6 ? COMMENTS.low : score <= 8 ? COMMENTS.mid : COMMENTS.high;
      answer('nps', score, random.chance(0.55) ? random.pick(pool) : undefined);
    }
    if (random.chance(0.2 * respondRate)) answer('csat', random.weighted(CSAT[mood]));
    if (random.chance(0.15 * respondRate)) answer('ces', random.weighted(CES[mood]));
  }
  return events.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
}
