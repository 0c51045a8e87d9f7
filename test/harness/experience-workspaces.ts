import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, type ExtraWorkspace } from './collector-process.ts';

/**
 * Workspaces of the experiences suite, each with its own write key and `experiences`, all in
 * the one temp config of the suite's collector (a cold PGlite start is too slow to pay per test).
 * Tests keep apart by workspace and by user id.
 */

/** NPS targeted at growth/scale users who shared a report; recontact 90 days; no global cap in the way. */
export const npsWorkspace = {
  id: 'x-nps',
  name: 'NPS targeting',
  writeKey: 'wk_x_nps',
  secretKey: 'sk_x_nps',
  experiences: {
    surveys: [
      {
        id: 'nps-reports',
        kind: 'nps',
        question: 'How likely are you to recommend Northwind Reports?',
        followUp: { detractor: 'What let you down?', passive: 'What would make it a 10?', promoter: 'What do you love?' },
        thankYou: 'Thanks, that helps us a lot.',
        target: { event: 'Report Shared', userTraits: { plan: ['growth', 'scale'] } },
        recontactDays: 90,
      },
    ],
    throttle: { globalDays: 0, snoozeDays: 0 },
  },
} as const satisfies ExtraWorkspace;

/** Every widget state: a checklist with manual steps and one milestone step, and NPS, CSAT, CES on demand. */
export const widgetsWorkspace = {
  id: 'x-widgets',
  name: 'Widget states',
  writeKey: 'wk_x_widgets',
  secretKey: 'sk_x_widgets',
  experiences: {
    milestones: [{ id: 'connected', title: 'Data connected', event: 'Source Connected', required: true }],
    checklists: [
      {
        id: 'setup',
        title: 'Set up your workspace',
        description: 'Three steps to your first report.',
        steps: [
          { id: 'profile', title: 'Complete your profile', description: 'Add a name and a photo.', manual: true },
          { id: 'tour', title: 'Take the tour', manual: true, action: { type: 'link', url: '#tour' } },
          { id: 'connect', title: 'Connect a data source', milestone: 'connected', manual: true },
        ],
      },
    ],
    surveys: [
      { id: 'nps-any', kind: 'nps', target: { event: 'Ask NPS' } },
      { id: 'csat-any', kind: 'csat', target: { event: 'Ask CSAT' } },
      { id: 'ces-any', kind: 'ces', target: { event: 'Ask CES' } },
    ],
    throttle: { globalDays: 0, snoozeDays: 0 },
  },
} as const satisfies ExtraWorkspace;

/** Markup that must stay text: it would add an element (and set a flag) if it were parsed as HTML. */
export const htmlText = '<img src="x" onerror="window.__pwned = true"><b>Bold</b> & <i>co</i>';

/** Config text containing HTML in every place the widgets show text. */
export const htmlWorkspace = {
  id: 'x-html',
  name: 'HTML in config text',
  writeKey: 'wk_x_html',
  secretKey: 'sk_x_html',
  experiences: {
    checklists: [
      {
        id: 'markup',
        title: `Checklist ${htmlText}`,
        description: `Description ${htmlText}`,
        steps: [{ id: 'one', title: `Step ${htmlText}`, description: `Step description ${htmlText}`, manual: true }],
      },
    ],
    surveys: [
      {
        id: 'nps-markup',
        kind: 'nps',
        question: `Question ${htmlText}`,
        followUp: `Follow-up ${htmlText}`,
        thankYou: `Thanks ${htmlText}`,
        target: { event: 'Ask Markup' },
      },
    ],
    throttle: { globalDays: 0, snoozeDays: 0 },
  },
} as const satisfies ExtraWorkspace;

/** Milestones and a survey whose trigger a test fires only at the end: nothing to show until then. */
export const quietWorkspace = {
  id: 'x-quiet',
  name: 'Nothing to show',
  writeKey: 'wk_x_quiet',
  secretKey: 'sk_x_quiet',
  experiences: {
    milestones: [{ id: 'first-report', event: 'Report Created', required: true }],
    surveys: [{ id: 'csat-late', kind: 'csat', target: { event: 'Export Finished' } }],
    throttle: { globalDays: 0, snoozeDays: 0 },
  },
} as const satisfies ExtraWorkspace;

/** Every workspace above, for the temp config. */
export const experienceWorkspaces: readonly ExtraWorkspace[] = [npsWorkspace, widgetsWorkspace, htmlWorkspace, quietWorkspace];

/** The demo workspace's `experiences` from the repo's `cairn.config.json` (what `npm start` shows), or undefined. */
export function demoExperiences(): unknown {
  const config = JSON.parse(readFileSync(join(repoRoot, 'cairn.config.json'), 'utf8')) as { workspaces?: { id: string; experiences?: unknown }[] };
  return config.workspaces?.find((w) => w.id === 'demo')?.experiences;
}
