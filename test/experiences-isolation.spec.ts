// The widgets inside a host page they do not control: hostile global CSS changes nothing about
// them, and they work under a strict Content-Security-Policy (no unsafe-inline).
import type { Page } from '@playwright/test';
import { widgetsWorkspace } from './harness/experience-workspaces.ts';
import { expect, freshUserId, openChecklist, surveyDialog, test, trackNow, widgetsHost } from './harness/experience-fixtures.ts';

const user = (label: string) => ({ id: freshUserId(label), traits: { name: 'Ken Thompson', createdAt: new Date().toISOString() } });

/** Computed properties compared between a plain and a hostile host page. */
const PROPERTIES = [
  'display', 'position', 'visibility', 'opacity', 'transform', 'color', 'background-color', 'font-family', 'font-size',
  'font-weight', 'line-height', 'letter-spacing', 'text-transform', 'padding-top', 'padding-left', 'margin-top',
  'margin-left', 'border-top-width', 'border-top-style', 'border-top-color', 'border-top-left-radius', 'box-sizing',
  'width', 'height',
];

/**
 * Every element of the widgets (the host and its shadow tree): how it computes, and where it is
 * on screen for what the fixed dock holds (the empty host element itself just sits at the end of
 * the page's flow, wherever the page's content ends).
 */
function widgetStyles(page: Page) {
  return page.evaluate((properties) => {
    const host = document.querySelector('cairn-widgets');
    const dock = host?.shadowRoot?.querySelector('.dock');
    if (!host?.shadowRoot || !dock) return [];
    return [host, ...host.shadowRoot.querySelectorAll('*')].map((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        element: `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`,
        box: dock.contains(element) ? [box.x, box.y, box.width, box.height].map((n) => Math.round(n * 10) / 10) : 'in flow',
        style: Object.fromEntries(properties.map((name) => [name, style.getPropertyValue(name)])),
      };
    });
  }, PROPERTIES);
}

/** Opens the checklist with one step done and an NPS prompt with a score chosen, then captures them. */
async function drawAndCapture(page: Page) {
  const panel = await openChecklist(page);
  await panel.getByRole('button', { name: 'Mark as done' }).first().click();
  await expect(panel.locator('li.step[data-done]')).toHaveCount(1);
  await trackNow(page, 'Ask NPS');
  const dialog = surveyDialog(page);
  await dialog.getByRole('radio', { name: '8', exact: true }).click();
  await expect(dialog.getByRole('textbox')).toBeFocused();
  // Blur so no focus ring depends on timing; the states themselves stay.
  await page.locator('h1').click();
  return {
    styles: await widgetStyles(page),
    dialog: await dialog.screenshot({ animations: 'disabled' }),
    panel: await panel.screenshot({ animations: 'disabled' }),
  };
}

test('hostile global CSS on the host page leaves the widgets exactly as they look on a plain page', async ({ page, openPage, pageErrors }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPage({ writeKey: widgetsWorkspace.writeKey, user: user('plain') });
  const plain = await drawAndCapture(page);

  await openPage({ writeKey: widgetsWorkspace.writeKey, user: user('hostile'), hostileCss: true });
  // The hostile sheet is in force on the page itself.
  await expect(page.locator('#host-button')).toBeHidden();
  expect(await page.locator('h1').evaluate((h1) => getComputedStyle(h1).fontFamily)).toContain('Courier New');
  const hostile = await drawAndCapture(page);

  expect(plain.styles.length).toBeGreaterThan(20);
  expect(hostile.styles).toEqual(plain.styles);
  expect(hostile.dialog.equals(plain.dialog), 'the NPS prompt looks the same pixel for pixel').toBe(true);
  expect(hostile.panel.equals(plain.panel), 'the checklist looks the same pixel for pixel').toBe(true);
  expect(pageErrors).toEqual([]);
});

test('the widgets work under a strict CSP (script-src self + collector, style-src self) without a single violation', async ({ page, collector, openPage, eventsOf, pageErrors }) => {
  const consoleCsp: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleCsp.push(message.text());
  });
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/app/home');
  const me = user('csp');
  await openPage({ writeKey: widgetsWorkspace.writeKey, user: me, strictCsp: true });
  expect((await response).headers()['content-security-policy']).toMatch(/^script-src 'self' http:\/\/127\.0\.0\.1:\d+; style-src 'self'$/);
  // cairn.js came from the collector's origin, the one other origin the policy allows.
  expect(await page.evaluate(() => [...document.scripts].map((s) => s.src).filter((src) => src.endsWith('/cairn.js')))).toEqual([`${collector.url}/cairn.js`]);

  const panel = await openChecklist(page);
  // Styled, not a bare fallback: the dock is fixed in its corner.
  expect(await widgetsHost(page).locator('.dock').evaluate((dock) => getComputedStyle(dock).position)).toBe('fixed');
  await panel.getByRole('button', { name: 'Mark as done' }).first().click();
  await expect(panel.locator('li.step[data-done]')).toHaveCount(1);

  await trackNow(page, 'Ask NPS');
  const dialog = surveyDialog(page);
  await dialog.getByRole('radio', { name: '10', exact: true }).click();
  await dialog.getByRole('textbox').fill('Works with our CSP.');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('status')).toBeVisible();
  const [responded] = await eventsOf(widgetsWorkspace).waitForCount(1, { userId: me.id, event: 'Survey Responded' });
  expect(responded?.properties).toMatchObject({ surveyId: 'nps-any', score: 10, comment: 'Works with our CSP.' });

  const violations = await page.evaluate(() => (window as { __cspViolations?: unknown[] }).__cspViolations);
  expect(violations).toEqual([]);
  expect(consoleCsp).toEqual([]);
  expect(pageErrors).toEqual([]);

  // Control: the policy is enforced and the recorder hears a violation (an inline style attribute).
  await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
  await expect.poll(() => page.evaluate(() => (window as { __cspViolations?: unknown[] }).__cspViolations?.length)).toBe(1);
});
