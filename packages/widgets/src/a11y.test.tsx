import { afterEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { $, driveChecklist, mount, sampleChecklist, seriousViolations } from './test-support.ts';
import type { WidgetsOptions } from './views.ts';

afterEach(async () => {
  await page.viewport(1280, 800);
  await cdp().send('Emulation.setEmulatedMedia', { features: [] });
});

/** Every state a user can meet, drawn in one widgets instance after another. */
async function everyState(options: WidgetsOptions): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const check = async (state: string, widgets: { host: HTMLElement }) => {
    found[state] = await seriousViolations(widgets);
  };
  const widgets = mount(options);
  const { handlers } = driveChecklist(widgets, sampleChecklist());
  await check('launcher', widgets);
  widgets.renderChecklist({ ...sampleChecklist(), mode: 'minimised' }, handlers);
  await check('minimised', widgets);
  widgets.renderChecklist({ ...sampleChecklist(), mode: 'open' }, handlers);
  await check('open', widgets);
  const done = sampleChecklist().steps.map((step) => ({ ...step, done: true }));
  widgets.renderChecklist({ ...sampleChecklist(), mode: 'open', steps: done, justCompleted: true }, handlers);
  await check('completed', widgets);
  widgets.renderChecklist(null, handlers);
  for (const kind of ['nps', 'csat', 'ces'] as const) {
    widgets.showSurvey({ id: kind, kind }, { onRespond() {}, onDismiss() {} });
    await check(`${kind} question`, widgets);
  }
  await userEvent.click(page.getByRole('radio', { name: '3', exact: true }));
  await check('follow-up', widgets);
  await userEvent.click($(widgets, 'button[type=submit]'));
  await expect.element(page.getByRole('status')).toBeVisible();
  await check('thank-you', widgets);
  return found;
}

const none = (states: Record<string, string[]>) => Object.fromEntries(Object.keys(states).map((state) => [state, []]));

describe('accessibility (axe-core inside the shadow root)', () => {
  it('has no serious or critical violations in any state, light', async () => {
    const found = await everyState({ theme: { mode: 'light' } });
    expect(Object.keys(found)).toHaveLength(9);
    expect(found).toEqual(none(found));
  });

  it('has no serious or critical violations in any state, dark', async () => {
    const found = await everyState({ theme: { mode: 'dark' } });
    expect(found).toEqual(none(found));
  });

  it('has no serious or critical violations in Arabic (RTL) with a light brand colour', async () => {
    const found = await everyState({ locale: 'ar', theme: { brand: '#fde047' } });
    expect(found).toEqual(none(found));
  });

  it('catches a real violation (the check is live)', async () => {
    const widgets = mount();
    driveChecklist(widgets, sampleChecklist());
    $(widgets, '.launcher').replaceChildren(); // a button without a name
    expect((await seriousViolations(widgets)).join()).toMatch(/^button-name/);
  });
});

describe('motion, zoom and small screens', () => {
  it('animates only without prefers-reduced-motion', async () => {
    const widgets = mount();
    const view = { ...sampleChecklist(), mode: 'open' as const, justCompleted: true };
    driveChecklist(widgets, view);
    expect(getComputedStyle($(widgets, '.card')).animationName).toBe('cairn-in');
    expect(getComputedStyle($(widgets, '.burst')).animationName).toBe('cairn-pop');
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
    expect(getComputedStyle($(widgets, '.card')).animationName).toBe('none');
    expect(getComputedStyle($(widgets, '.burst')).animationName).toBe('none');
  });

  it('stays within the viewport and scrolls at 200 % zoom (1280×800 seen as 640×400)', async () => {
    await page.viewport(640, 400);
    const widgets = mount();
    driveChecklist(widgets, { ...sampleChecklist(), mode: 'open' });
    widgets.showSurvey({ id: 's', kind: 'nps' }, { onRespond() {}, onDismiss() {} });
    await userEvent.click(page.getByRole('radio', { name: '10' }));
    const dock = $(widgets, '.dock').getBoundingClientRect();
    expect(dock.top).toBeGreaterThanOrEqual(0);
    expect(dock.bottom).toBeLessThanOrEqual(400);
    expect(dock.right).toBeLessThanOrEqual(640);
    const card = $(widgets, '.checklist');
    expect(card.scrollHeight).toBeGreaterThan(card.clientHeight); // its content scrolls instead of overflowing
    for (const radio of widgets.shadow.querySelectorAll('[role=radio]')) {
      const rect = radio.getBoundingClientRect();
      expect(rect.width).toBeGreaterThanOrEqual(24); // WCAG 2.5.8 target size
      expect(rect.height).toBeGreaterThanOrEqual(24);
    }
  });

  it('becomes a full-width bottom sheet on a phone, keeping the launcher reachable', async () => {
    await page.viewport(375, 667);
    const widgets = mount();
    driveChecklist(widgets, sampleChecklist());
    widgets.showSurvey({ id: 's', kind: 'nps' }, { onRespond() {}, onDismiss() {} });
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await Promise.all($(widgets, '.survey').getAnimations().map((animation) => animation.finished));
    const sheet = $(widgets, '.survey').getBoundingClientRect();
    expect([sheet.left, sheet.width]).toEqual([0, 375]);
    const launcher = $(widgets, '.launcher').getBoundingClientRect();
    expect(launcher.bottom).toBeLessThanOrEqual(667);
    expect(launcher.top).toBeGreaterThanOrEqual(sheet.bottom);
    // The keyboard lift raises the whole dock.
    $(widgets, '.root').style.setProperty('--kb', '300px');
    expect(Math.round($(widgets, '.dock').getBoundingClientRect().bottom)).toBe(667 - 300);
  });
});
