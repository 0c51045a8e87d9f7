// Keyboard-only use, axe-core in every widget state, and config text that contains HTML.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { htmlText, htmlWorkspace, widgetsWorkspace } from './harness/experience-workspaces.ts';
import {
  checklistLauncher,
  checklistPanel,
  doneSteps,
  expect,
  freshUserId,
  openChecklist,
  surveyDialog,
  test,
  trackNow,
  widgetsHost,
} from './harness/experience-fixtures.ts';

const user = (label: string) => ({ id: freshUserId(label), traits: { name: 'Radia Perlman', createdAt: new Date().toISOString() } });
const steps = widgetsWorkspace.experiences.checklists[0].steps;

/** Presses Tab until `target` has focus (fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 25): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === (element.getRootNode() as Document | ShadowRoot).activeElement)) return;
  }
  throw new Error(`Failed to reach ${target} with Tab: not focused after ${max} presses. Please check the tab order.`);
}

/** Closes a survey's thank-you, which may also leave on its own (the widgets' thank-you timer). */
async function closeThankYou(dialog: Locator): Promise<void> {
  const close = dialog.getByRole('button', { name: 'Close' });
  if (await close.isVisible()) await close.click({ timeout: 2_000 }).catch(() => undefined);
  await expect(dialog).toHaveCount(0);
}

/** axe-core over the whole page (it enters the open shadow root); only serious and critical count. */
async function seriousViolations(page: Page, state: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${state}: ${v.id} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; ')})`);
}

test('the checklist can be opened, completed and closed with the keyboard alone', async ({ page, openPage, eventsOf, pageErrors }) => {
  const me = user('kbd-checklist');
  await openPage({ writeKey: widgetsWorkspace.writeKey, user: me });
  const launcher = checklistLauncher(page);
  await expect(launcher).toBeVisible();
  await tabTo(page, launcher);
  await page.keyboard.press('Enter');
  const panel = checklistPanel(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: widgetsWorkspace.experiences.checklists[0].title })).toBeFocused();

  for (let index = 0; index < steps.length; index += 1) {
    await tabTo(page, panel.getByRole('button', { name: 'Mark as done' }).first());
    await page.keyboard.press('Enter');
    await expect(doneSteps(page)).toHaveCount(index + 1);
    await expect(panel.locator('li.step').nth(index)).toHaveAttribute('data-done', /.*/);
  }
  const close = panel.getByRole('button', { name: 'Close' });
  await expect(panel.getByText('All done!')).toBeVisible();
  await tabTo(page, close);
  await page.keyboard.press('Enter');
  await expect(widgetsHost(page).locator('section.checklist, button.launcher')).toHaveCount(0);

  const events = eventsOf(widgetsWorkspace);
  const completed = await events.waitForCount(steps.length, { userId: me.id, event: 'Checklist Step Completed' });
  expect(completed.map((e) => e.properties?.stepId).sort()).toEqual(steps.map((s) => s.id).sort());
  const [done] = await events.waitForCount(1, { userId: me.id, event: 'Checklist Completed' });
  expect(done?.properties).toMatchObject({ checklistId: 'setup' });
  expect(pageErrors).toEqual([]);
});

test('an NPS prompt can be answered with the keyboard alone', async ({ page, openPage, eventsOf, pageErrors }) => {
  const me = user('kbd-nps');
  await openPage({ writeKey: widgetsWorkspace.writeKey, user: me });
  await page.locator('#host-button').focus();
  await trackNow(page, 'Ask NPS');
  const dialog = surveyDialog(page);
  await expect(dialog).toBeVisible();
  // The prompt is non-modal: it appears without taking the user's focus.
  await expect(page.locator('#host-button')).toBeFocused();

  await tabTo(page, dialog.getByRole('radio', { name: '0', exact: true }));
  for (let i = 0; i < 9; i += 1) await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: '9', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  const comment = dialog.getByRole('textbox');
  await expect(comment).toBeFocused();
  await page.keyboard.type('The keyboard shortcuts.');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Send' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toBeFocused();

  const [responded] = await eventsOf(widgetsWorkspace).waitForCount(1, { userId: me.id, event: 'Survey Responded' });
  expect(responded?.properties).toMatchObject({ surveyId: 'nps-any', kind: 'nps', score: 9, comment: 'The keyboard shortcuts.' });
  expect(pageErrors).toEqual([]);
});

test('axe-core finds no serious or critical violation in any widget state', async ({ page, openPage }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPage({ writeKey: widgetsWorkspace.writeKey, user: user('axe') });
  const found: string[] = [];

  await expect(checklistLauncher(page)).toBeVisible();
  found.push(...(await seriousViolations(page, 'checklist launcher')));
  const panel = await openChecklist(page);
  found.push(...(await seriousViolations(page, 'open checklist')));
  await panel.getByRole('button', { name: 'Minimise checklist' }).click();
  await expect(checklistLauncher(page)).toHaveClass(/mini/);
  found.push(...(await seriousViolations(page, 'minimised checklist')));
  await openChecklist(page);
  for (let i = 0; i < steps.length; i += 1) await panel.getByRole('button', { name: 'Mark as done' }).first().click();
  await expect(panel.getByText('All done!')).toBeVisible();
  found.push(...(await seriousViolations(page, 'completed checklist')));
  await panel.getByRole('button', { name: 'Close' }).click();

  await trackNow(page, 'Ask NPS');
  const dialog = surveyDialog(page);
  await expect(dialog.getByRole('radio')).toHaveCount(11);
  found.push(...(await seriousViolations(page, 'NPS initial')));
  await dialog.getByRole('radio', { name: '8', exact: true }).click();
  await expect(dialog.getByRole('textbox')).toBeVisible();
  await dialog.getByRole('textbox').fill('Solid.');
  found.push(...(await seriousViolations(page, 'NPS with score and follow-up')));
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('status')).toBeVisible();
  found.push(...(await seriousViolations(page, 'thank-you')));
  await closeThankYou(dialog);

  for (const [event, kind, count] of [['Ask CSAT', 'CSAT', 5], ['Ask CES', 'CES', 7]] as const) {
    await trackNow(page, event);
    await expect(dialog.getByRole('radio')).toHaveCount(count);
    found.push(...(await seriousViolations(page, kind)));
    await dialog.getByRole('radio', { name: '4', exact: true }).click();
    found.push(...(await seriousViolations(page, `${kind} with score and follow-up`)));
    await dialog.getByRole('button', { name: 'Send' }).click();
    await closeThankYou(dialog);
  }
  expect(found).toEqual([]);
});

test('config text containing HTML is shown as text, never parsed', async ({ page, openPage }) => {
  await openPage({ writeKey: htmlWorkspace.writeKey, user: user('html') });
  const host = widgetsHost(page);
  const panel = await openChecklist(page);
  const { checklists, surveys } = htmlWorkspace.experiences;
  await expect(panel.getByRole('heading')).toHaveText(checklists[0].title);
  await expect(panel.getByText(checklists[0].description, { exact: true })).toBeVisible();
  await expect(panel.locator('.step-title')).toContainText(checklists[0].steps[0].title);
  await expect(panel.getByText(checklists[0].steps[0].description, { exact: true })).toBeVisible();

  await trackNow(page, 'Ask Markup');
  const dialog = surveyDialog(page);
  await expect(dialog.getByRole('heading')).toHaveText(surveys[0].question);
  await dialog.getByRole('radio', { name: '10', exact: true }).click();
  await expect(dialog.locator('label')).toContainText(surveys[0].followUp);
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('status')).toHaveText(surveys[0].thankYou);

  // Nothing of the markup became an element, and its handler never ran.
  expect(htmlText).toContain('<img');
  await expect(host.locator('img, b, i')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
});
