// Test data shaped like the CSM API's answers (types from @cairn/protocol).
import type { AccountDetail, AccountSummary, SurveyResults, TimelineEntry } from '@cairn/protocol';

/** A string that would run script if it were ever parsed as HTML. */
export const HOSTILE = '<img src=x onerror="window.__cairnXss=1">';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** One accounts-list row; override what the test is about. */
export function makeAccount(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    accountId: 'acc_1',
    name: 'Acme Corp',
    tier: 'B',
    stage: 'active',
    health: 82.4,
    band: 'green',
    outcome: 85,
    experience: 71.5,
    flags: [],
    nps: 40,
    activated: true,
    activatedAt: daysAgo(100),
    timeToValueDays: 6,
    activeUsers30d: 17,
    lastSeenAt: daysAgo(1),
    ...overrides,
  };
}

/** Three accounts, one per band, with flags on the weaker ones. */
export function sampleAccounts(): AccountSummary[] {
  return [
    makeAccount({ accountId: 'acc_red', name: 'Globex', health: 31.2, band: 'red', tier: 'A', stage: 'renewal', flags: ['red_in_renewal', 'detractor_90d'], nps: -20 }),
    makeAccount({ accountId: 'acc_yellow', name: 'Initech', health: 61, band: 'yellow', stage: 'onboarding', flags: ['not_activated_day_30'], activated: false, activatedAt: null, timeToValueDays: null, nps: null }),
    makeAccount({ accountId: 'acc_green', name: 'Umbrella', health: 88.9, band: 'green', tier: 'C', stage: 'growth' }),
  ];
}

/** The account page's detail for one account. */
export function makeDetail(overrides: Partial<AccountDetail> = {}): AccountDetail {
  return {
    ...makeAccount({ accountId: 'acc_red', name: 'Globex', health: 45.5, band: 'red', tier: 'A', stage: 'renewal', flags: ['red_in_renewal', 'detractor_90d'], nps: -20, outcome: 50, experience: 35 }),
    traits: { plan: 'enterprise' },
    signupAt: daysAgo(300),
    contractEndAt: new Date(Date.now() + 40 * DAY).toISOString(),
    weights: { outcome: 0.7, experience: 0.3 },
    outcomeComponents: [
      { key: 'activation', label: 'Activation', value: 75, weight: 0.4, detail: '3 of 4 required milestones' },
      { key: 'adoption', label: 'Adoption breadth', value: 50, weight: 0.3, detail: '4 of 8 milestones' },
      { key: 'usage_recency', label: 'Usage', value: 20, weight: 0.3, detail: '5 active days in 30' },
    ],
    experienceComponents: [
      { key: 'nps', label: 'NPS', value: 40, weight: 1, detail: 'NPS −20 (10 responses)' },
      { key: 'csat', label: 'CSAT', value: null, weight: 0, detail: 'No CSAT responses in 90 days' },
    ],
    flagReasons: [
      { flag: 'red_in_renewal', reason: 'Health is red 40 days before the contract ends.' },
      { flag: 'detractor_90d', reason: '2 detractor responses in the last 90 days.' },
    ],
    milestones: [
      { milestone: 'created_project', reachedAt: daysAgo(290), required: true },
      { milestone: 'invited_teammate', reachedAt: daysAgo(280), required: false },
    ],
    usage: { activeUsers30d: 4, activeDays30d: 5, eventsLast30d: 120, eventsPrev30d: 300, trend: -0.6 },
    csat: null,
    ces: 4.2,
    northStar: null,
    ...overrides,
  };
}

/** Timeline entries, oldest first (the page sorts them). */
export function sampleTimeline(): TimelineEntry[] {
  return [
    { at: daysAgo(290), kind: 'milestone', summary: 'Reached created_project', data: {} },
    { at: daysAgo(20), kind: 'survey_response', summary: 'NPS 3 from user u_9', data: { score: 3 } },
    { at: daysAgo(5), kind: 'band_change', summary: 'Band changed from yellow to red', data: {} },
  ];
}

/** NPS results with a weekly trend (one week without responses) and comments. */
export function sampleNps(overrides: Partial<SurveyResults> = {}): SurveyResults {
  return {
    kind: 'nps',
    surveyId: 'nps-main',
    responses: 10,
    score: -20,
    distribution: { '2': 2, '5': 2, '6': 1, '7': 2, '9': 2, '10': 1 },
    weekly: [
      { weekStart: '2026-10-05', responses: 4, score: 25 },
      { weekStart: '2026-10-12', responses: 0, score: null },
      { weekStart: '2026-10-19', responses: 3, score: -33 },
      { weekStart: '2026-10-26', responses: 3, score: -67 },
    ],
    comments: [
      { at: daysAgo(20), accountId: 'acc_red', userId: 'u_9', score: 3, comment: 'Exports keep timing out.' },
      { at: daysAgo(60), accountId: 'acc_red', userId: null, score: 10, comment: 'Love the new reports!' },
    ],
    ...overrides,
  };
}
