// NPS targeting and restraint against the real collector: shown only when its targeting holds,
// the answer stored, not shown again within its recontact days, never in two tabs at once.
import type { Page } from '@playwright/test';
import { npsWorkspace } from './harness/experience-workspaces.ts';
import { expect, freshUserId, recordChunkRequests, surveyDialog, test, trackNow } from './harness/experience-fixtures.ts';
import { sleep } from './harness/wait-for.ts';

const DAY = 86_400_000;
const survey = npsWorkspace.experiences.surveys[0];

/** Long enough for a delay-0 survey to appear once its trigger is stored (the positive cases show it in well under a second). */
const ABSENCE_MS = 3_000;

const growthUser = (label: string) => ({ id: freshUserId(label), traits: { name: 'Grace Hopper', plan: 'growth', createdAt: '2026-09-01T00:00:00.000Z' } });

test('the NPS prompt does not appear while its targeting does not hold (wrong plan; right plan but no trigger)', async ({ context, openPage, eventsOf, pageErrors }) => {
  const chunks = recordChunkRequests(context);
  const events = eventsOf(npsWorkspace);

  // Right event, wrong plan.
  const free = { id: freshUserId('nps-free'), traits: { plan: 'free' } };
  const page = await openPage({ writeKey: npsWorkspace.writeKey, user: free });
  await trackNow(page, 'Report Shared', { reportId: 'r1' });
  await events.waitForCount(1, { userId: free.id, event: 'Report Shared' });
  await expect.poll(() => chunks.experiences.length, { message: 'the experiences engine loads for a config with a survey' }).toBeGreaterThan(0);
  await sleep(ABSENCE_MS);
  await expect(surveyDialog(page)).toHaveCount(0);

  // Right plan, but the trigger event never happened.
  const waiting = growthUser('nps-waiting');
  await openPage({ page, writeKey: npsWorkspace.writeKey, user: waiting });
  await trackNow(page, 'Report Opened', { reportId: 'r1' });
  await events.waitForCount(1, { userId: waiting.id, event: 'Report Opened' });
  await sleep(ABSENCE_MS);
  await expect(surveyDialog(page)).toHaveCount(0);

  for (const userId of [free.id, waiting.id]) expect(await events.list({ userId, event: 'Survey Shown' })).toEqual([]);
  expect(chunks.widgets, 'nothing was to be shown, so the widgets chunk is not needed').toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('the NPS prompt appears when targeting holds, stores score and comment, and stays away within its recontact days', async ({ context, openPage, eventsOf, pageErrors }) => {
  const events = eventsOf(npsWorkspace);
  const user = growthUser('nps-yes');
  const page = await openPage({ writeKey: npsWorkspace.writeKey, user });
  await expect(surveyDialog(page)).toHaveCount(0);

  await trackNow(page, 'Report Shared', { reportId: 'r7' });
  const dialog = surveyDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText(survey.question);
  await dialog.getByRole('radio', { name: '3', exact: true }).click();
  await expect(dialog.getByLabel(survey.followUp.detractor)).toBeFocused();
  await dialog.getByLabel(survey.followUp.detractor).fill('Exports time out on big reports.');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('status')).toHaveText(survey.thankYou);

  const [responded] = await events.waitForCount(1, { userId: user.id, event: 'Survey Responded' });
  expect(responded?.properties).toMatchObject({ surveyId: survey.id, kind: 'nps', score: 3, comment: 'Exports time out on big reports.' });
  const [shown] = await events.waitForCount(1, { userId: user.id, event: 'Survey Shown' });
  expect(shown?.properties).toMatchObject({ surveyId: survey.id, kind: 'nps' });

  // Within the recontact days: the trigger again, after a reload, shows nothing.
  await page.reload();
  await trackNow(page, 'Report Shared', { reportId: 'r8' });
  await events.waitForCount(2, { userId: user.id, event: 'Report Shared' });
  await sleep(ABSENCE_MS);
  await expect(surveyDialog(page)).toHaveCount(0);
  expect(await events.list({ userId: user.id, event: 'Survey Shown' })).toHaveLength(1);

  // Control: the same user, with the browser's clock past the recontact days, is asked again.
  const later = await context.newPage();
  await later.clock.install({ time: Date.now() + (survey.recontactDays + 1) * DAY });
  await openPage({ page: later, writeKey: npsWorkspace.writeKey, user });
  await trackNow(later, 'Report Shared', { reportId: 'r9' });
  await expect(surveyDialog(later)).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('with two tabs of one browser open, the NPS prompt shows in only one of them', async ({ context, page, openPage, eventsOf }) => {
  const events = eventsOf(npsWorkspace);
  const user = growthUser('nps-tabs');
  const tabs: Page[] = [page, await context.newPage()];
  for (const tab of tabs) await openPage({ page: tab, writeKey: npsWorkspace.writeKey, user });

  // Both tabs see the trigger, so both are eligible at the same moment.
  await Promise.all(tabs.map((tab, i) => trackNow(tab, 'Report Shared', { reportId: `tab-${i}` })));
  const visibleCount = async () => (await Promise.all(tabs.map((tab) => surveyDialog(tab).isVisible()))).filter(Boolean).length;
  await expect.poll(visibleCount).toBe(1);
  // Give a second tab time to show it too, were it going to.
  await sleep(ABSENCE_MS);
  expect(await visibleCount()).toBe(1);
  await events.waitForCount(2, { userId: user.id, event: 'Report Shared' });
  await events.waitForCount(1, { userId: user.id, event: 'Survey Shown' });
  expect(await events.list({ userId: user.id, event: 'Survey Shown' })).toHaveLength(1);
});
