// The demo app with the demo workspace's real `experiences` (cairn.config.json): a new user meets
// the onboarding checklist, real actions tick its steps, progress survives a reload and follows the
// user to another browser through the collector, and later the user is asked for an NPS score.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoWorkspace } from './harness/collector-process.ts';
import { eventsApi } from './harness/events-api.ts';
import { checklistPanel, doneSteps, expect, openChecklist, surveyDialog, test } from './harness/experience-fixtures.ts';
import { demoExperiences } from './harness/experience-workspaces.ts';
import { waitForSdk } from './harness/fixtures.ts';

interface DemoMilestone {
  id: string;
  event: string;
  where?: Record<string, unknown>;
  count?: number;
}
interface DemoConfig {
  milestones: DemoMilestone[];
  checklists: { id: string; title: string; steps: { id: string; milestone?: string }[] }[];
  surveys: { id: string; kind: string }[];
}

/** One demo action: what the user does, and the track event (with properties) it records. */
type Done = { event: string; properties: Record<string, unknown> };

/** How many steps of `checklist` the events in `done` complete, by the milestones' own definitions. */
function expectedDone(config: DemoConfig, checklist: DemoConfig['checklists'][number], done: readonly Done[]): number {
  const reached = (milestone: DemoMilestone) =>
    done.filter((d) => d.event === milestone.event && Object.entries(milestone.where ?? {}).every(([k, v]) => d.properties[k] === v)).length >=
    (milestone.count ?? 1);
  return checklist.steps.filter((step) => {
    const milestone = config.milestones.find((m) => m.id === step.milestone);
    return milestone !== undefined && reached(milestone);
  }).length;
}

const DAY = 86_400_000;

/** Waits for a survey, answers it (9 for NPS, else the middle of the scale) with a comment, closes the thank-you; returns its kind. */
async function answerPrompt(page: Page): Promise<'nps' | 'csat' | 'ces'> {
  const dialog = surveyDialog(page);
  const radios = dialog.getByRole('radio');
  await expect(radios.first()).toBeVisible({ timeout: 30_000 });
  const count = await radios.count();
  const kind = count === 11 ? 'nps' : count === 5 ? 'csat' : 'ces';
  await dialog.getByRole('radio', { name: kind === 'nps' ? '9' : '4', exact: true }).click();
  await dialog.getByRole('textbox').fill('The checklist got me going.');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('status')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return kind;
}

async function signInAsNewUser(page: Page): Promise<string> {
  await page.getByTestId('new-user').click();
  await page.waitForURL(/\/demo\/$/);
  await expect(page.getByTestId('no-projects')).toBeVisible();
  await waitForSdk(page);
  const link = await page.getByTestId('device-link').getAttribute('href');
  const userId = new URL(link ?? '', page.url()).searchParams.get('user');
  expect(userId).toMatch(/^user_new_/);
  return userId ?? '';
}

// Wide enough that the widgets' corner never covers the app's forms.
test.use({ viewport: { width: 1920, height: 1080 } });

test('demo: a new user meets the checklist, real actions tick it, progress survives a reload and follows the user to another browser, then NPS', async ({
  browser,
  context,
  page,
  collector,
  pageErrors,
}) => {
  test.setTimeout(150_000);
  const config = demoExperiences() as DemoConfig | undefined;
  expect(config?.checklists?.length, 'cairn.config.json gives the demo workspace a checklist').toBeGreaterThan(0);
  const checklist = config!.checklists[0]!;
  const events = eventsApi(collector.url, demoWorkspace.secretKey);

  await page.goto(`${collector.url}/demo/`);
  await waitForSdk(page);
  const userId = await signInAsNewUser(page);
  const panel = await openChecklist(page);
  await expect(panel.getByRole('heading', { name: checklist.title })).toBeVisible();
  await expect(panel.locator('li.step')).toHaveCount(checklist.steps.length);
  await expect(doneSteps(page)).toHaveCount(0);

  const done: Done[] = [];
  const step = async (action: () => Promise<void>, ...recorded: Done[]) => {
    await action();
    done.push(...recorded);
    await expect(doneSteps(page), `after ${recorded.map((r) => r.event).join(', ')}`).toHaveCount(expectedDone(config!, checklist, done));
  };

  await step(async () => {
    await page.getByTestId('new-project-name').fill('Customer portal');
    await page.getByTestId('create-project').click();
    await expect(page.getByTestId('board-view')).toBeVisible();
  }, { event: 'Project Created', properties: { projectId: 'customer-portal', projectCount: 1 } });
  for (const [i, title] of ['Write the brief', 'Book the kickoff', 'Draft the sitemap'].entries()) {
    await step(async () => {
      await page.getByTestId('new-task-title').fill(title);
      await page.getByTestId('create-task').click();
      await expect(page.getByTestId(`task-t${i + 1}`)).toBeVisible();
    }, { event: 'Task Created', properties: { projectId: 'customer-portal', taskId: `t${i + 1}` } });
  }
  for (const id of ['t1', 't2', 't3']) {
    await step(async () => {
      await page.getByTestId(`start-${id}`).click();
      await page.getByTestId(`complete-${id}`).click();
    }, { event: 'Task Completed', properties: { projectId: 'customer-portal', taskId: id } });
  }
  await step(() => page.getByTestId('share-report').click(), { event: 'Report Shared', properties: { projectId: 'customer-portal', channel: 'link' } });
  // Sharing triggers a prompt right away (the demo's CSAT about sharing; its NPS waits 15 s).
  const kinds = [await answerPrompt(page)];
  const ticked = expectedDone(config!, checklist, done);
  expect(ticked, 'the demo actions so far complete some steps but not all').toBeGreaterThan(0);
  expect(ticked).toBeLessThan(checklist.steps.length);

  // A reload keeps the progress.
  await page.reload();
  await waitForSdk(page);
  await openChecklist(page);
  await expect(doneSteps(page)).toHaveCount(ticked);

  // Another browser (its own storage), same user: the progress comes from the collector.
  await events.waitForCount(ticked, { userId, event: 'Checklist Step Completed' }, 30_000);
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto(`${collector.url}/demo/?user=${encodeURIComponent(userId)}`);
    await waitForSdk(second);
    await expect(second.getByTestId('current-user')).toHaveText((await page.getByTestId('current-user').textContent()) ?? '');
    await openChecklist(second);
    await expect(doneSteps(second)).toHaveCount(ticked);
    await expect(checklistPanel(second).locator('li.step')).toHaveCount(checklist.steps.length);
  } finally {
    await other.close();
  }

  // The remaining steps, then the completion moment.
  await step(async () => {
    await page.getByTestId('nav-team').click();
    await page.getByTestId('invite-email').fill('lin@bluebird.example');
    await page.getByTestId('invite-submit').click();
    await expect(page.getByTestId('notice')).toHaveText('Invitation sent to lin@bluebird.example.');
  }, { event: 'Teammate Invited', properties: { role: 'member' } });
  await step(async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('notice')).toHaveText('Settings saved.');
  }, { event: 'Settings Updated', properties: { weeklyDigest: true, timezone: 'Europe/London' } });
  expect(expectedDone(config!, checklist, done), 'the demo actions complete every step').toBe(checklist.steps.length);
  await expect(checklistPanel(page).getByRole('status')).not.toBeEmpty();
  const [completed] = await events.waitForCount(1, { userId, event: 'Checklist Completed' }, 30_000);
  expect(completed?.properties).toMatchObject({ checklistId: checklist.id });

  // Prompts: one a day at most (the demo's throttle), so the user meets them over several visits,
  // and later the NPS. Each visit runs on a browser clock two days further and shares a report again.
  await page.close();
  for (let visit = 1; visit <= 3 && !kinds.includes('nps'); visit += 1) {
    const later = await context.newPage();
    later.on('pageerror', (error) => pageErrors.push(error));
    await later.clock.install({ time: Date.now() + visit * 2 * DAY });
    await later.goto(`${collector.url}/demo/projects/customer-portal`);
    await waitForSdk(later);
    await later.getByTestId('share-report').click();
    // Past every survey's delay (the demo's NPS waits 15 s after the trigger).
    await later.clock.fastForward(20_000);
    const kind = await answerPrompt(later);
    kinds.push(kind);
    await expect(surveyDialog(later)).toHaveCount(0);
    await later.close();
  }
  test.info().annotations.push({ type: 'prompts, one per visit', description: kinds.join(' → ') });
  expect(kinds, 'one prompt per visit, and later the NPS').toContain('nps');
  expect(new Set(kinds).size, 'no prompt asked twice').toBe(kinds.length);
  const nps = config!.surveys.find((s) => s.kind === 'nps');
  const responses = await events.waitForCount(kinds.length, { userId, event: 'Survey Responded' }, 30_000);
  expect(responses.find((e) => e.properties?.kind === 'nps')?.properties).toMatchObject({ surveyId: nps?.id, score: 9, comment: 'The checklist got me going.' });
  expect(pageErrors).toEqual([]);
});

test('demo with its own theme: the open checklist has no serious or critical accessibility violations (axe)', async ({ page, collector }) => {
  await page.goto(`${collector.url}/demo/`);
  await waitForSdk(page);
  await signInAsNewUser(page);
  await openChecklist(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; ')})`),
  ).toEqual([]);
});
