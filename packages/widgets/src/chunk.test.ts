// The shipped chunk (dist/cairn-widgets.js, minified by the root build) must behave like the
// source: names mangled by the minifier must not break it. `npm test` builds before this runs.
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type * as Source from './index.ts';

const CHUNK_URL = '../dist/cairn-widgets.js';

describe('the built widgets chunk', () => {
  it('draws and answers a survey and a checklist', async () => {
    let chunk: typeof Source;
    try {
      chunk = (await import(/* @vite-ignore */ CHUNK_URL)) as typeof Source;
    } catch (error) {
      throw new Error(`Failed to load ${CHUNK_URL}: ${String(error)}. Please run \`npx vite build --mode widgets\` at the root first.`);
    }
    const widgets = chunk.createWidgets({ locale: 'en' });
    try {
      const responses: unknown[] = [];
      widgets.showSurvey({ id: 's', kind: 'csat' }, { onRespond: (...args) => responses.push(args), onDismiss() {} });
      await userEvent.click(page.getByRole('radio', { name: '5' }));
      await userEvent.keyboard('Great');
      await userEvent.click(page.getByRole('button', { name: 'Send' }));
      expect(responses).toEqual([[5, 'Great']]);
      const opened: string[] = [];
      widgets.renderChecklist(
        { id: 'c', title: 'Setup', mode: 'launcher', steps: [{ id: 'a', title: 'A', done: false, manual: true }] },
        { onOpen: () => opened.push('open'), onMinimise() {}, onDismiss() {}, onStepAction() {}, onStepComplete() {} },
      );
      await userEvent.click(page.getByRole('button', { name: 'Setup 0 of 1 steps done' }));
      expect(opened).toEqual(['open']);
      expect(getComputedStyle(widgets.host.shadowRoot!.querySelector('.launcher')!).borderTopLeftRadius).toBe('999px');
    } finally {
      widgets.destroy();
    }
  });
});
