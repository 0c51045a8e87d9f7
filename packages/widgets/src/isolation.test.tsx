import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createWidgets } from './create-widgets.tsx';
import { driveChecklist, mount, sampleChecklist } from './test-support.ts';

const HOSTILE = `
  * { color: red !important; font-size: 40px !important; display: block !important; font-family: "Comic Sans MS", cursive !important;
      background: yellow !important; border: 5px dashed lime !important; padding: 30px !important; margin: 20px !important; letter-spacing: 4px !important }
  button { display: none !important }
  cairn-widgets { display: none !important; opacity: 0 !important; visibility: hidden !important }
  html { font-size: 40px !important; line-height: 5 !important; direction: rtl !important }
`;

const PROPS = ['display', 'color', 'font-size', 'font-family', 'background-color', 'border-top-width', 'padding-top', 'margin-top', 'letter-spacing', 'line-height', 'visibility', 'opacity', 'direction'];

/** Computed styles of the interesting elements inside the widgets. */
function snapshot(open: ShadowRoot, closed: ShadowRoot): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const targets: [ShadowRoot, string][] = [
    [closed, '.launcher'],
    [closed, '.ring'],
    ...['.checklist', 'h2', '.btn', '.icon', '.step-title', '.mark', '.survey', '[role=radio]'].map((selector): [ShadowRoot, string] => [open, selector]),
  ];
  for (const [root, selector] of targets) {
    const el = root.querySelector(selector);
    if (!el) throw new Error(`Failed to find ${selector} in the widgets.`);
    const style = getComputedStyle(el);
    out[selector] = Object.fromEntries(PROPS.map((prop) => [prop, style.getPropertyValue(prop)]));
  }
  return out;
}

describe('isolation from the host page', () => {
  it('keeps computed styles inside the widgets unchanged under hostile global CSS', async () => {
    const open = mount();
    driveChecklist(open, { ...sampleChecklist(), mode: 'open' });
    open.showSurvey({ id: 's', kind: 'nps' }, { onRespond() {}, onDismiss() {} });
    const closed = mount();
    driveChecklist(closed, sampleChecklist());
    const before = snapshot(open.shadow, closed.shadow);

    const style = document.createElement('style');
    style.textContent = HOSTILE;
    document.head.append(style);
    try {
      expect(getComputedStyle(document.body).color).toBe('rgb(255, 0, 0)'); // the page itself is hit
      expect(snapshot(open.shadow, closed.shadow)).toEqual(before);
      expect(before['.btn']!.display).toBe('flex'); // inline-flex, blockified in its flex row
      expect(before['.launcher']!.color).toBe('rgb(255, 255, 255)');
      expect(getComputedStyle(open.host).display).toBe('inline');
      await expect.element(page.getByRole('button', { name: 'Dismiss survey' })).toBeVisible();
      await expect.element(page.getByRole('button', { name: /Get started/ })).toBeVisible();
    } finally {
      style.remove();
    }
  });
});

describe('styles under a strict Content Security Policy', () => {
  /** A same-origin iframe whose own CSP forbids inline styles (unless they carry the nonce). */
  async function cspFrame(policy: string): Promise<{ doc: Document; violations: string[]; frame: HTMLIFrameElement }> {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body></body></html>`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    return { doc, violations, frame };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it("applies its styles under style-src 'self' through constructable stylesheets", async () => {
    const { doc, violations, frame } = await cspFrame("default-src 'self'; style-src 'self'");
    // Control: the policy really blocks an inline <style>.
    const inline = doc.createElement('style');
    inline.textContent = 'body { margin: 77px }';
    doc.head.append(inline);
    await settle();
    expect(doc.defaultView!.getComputedStyle(doc.body).marginTop).not.toBe('77px');

    const widgets = createWidgets({ document: doc, locale: 'en', theme: { brand: '#0f766e' } });
    driveChecklist(widgets, sampleChecklist());
    const launcher = widgets.host.shadowRoot!.querySelector('.launcher')!;
    const style = doc.defaultView!.getComputedStyle(launcher);
    expect(style.backgroundColor).toBe('rgb(15, 118, 110)');
    expect(style.borderTopLeftRadius).toBe('999px');
    expect(widgets.host.shadowRoot!.querySelector('style')).toBeNull();
    await settle();
    expect(violations).toEqual(['style-src-elem']);
    widgets.destroy();
    frame.remove();
  });

  it('falls back to a <style> with the nonce where adoptedStyleSheets is missing', async () => {
    const { doc, violations, frame } = await cspFrame("style-src 'nonce-abc123'");
    // Simulate Safari < 16.4: no constructable stylesheets on shadow roots.
    delete (doc.defaultView as unknown as { ShadowRoot: { prototype: { adoptedStyleSheets?: unknown } } }).ShadowRoot.prototype.adoptedStyleSheets;
    const widgets = createWidgets({ document: doc, locale: 'en', nonce: 'abc123' });
    driveChecklist(widgets, sampleChecklist());
    const shadow = widgets.host.shadowRoot!;
    expect(shadow.querySelector('style')?.getAttribute('nonce')).toBe('abc123');
    expect(doc.defaultView!.getComputedStyle(shadow.querySelector('.launcher')!).borderTopLeftRadius).toBe('999px');
    await settle();
    expect(violations).toEqual([]);
    widgets.destroy();
    frame.remove();
  });
});
