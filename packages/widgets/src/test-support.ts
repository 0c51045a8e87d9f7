/** Helpers for the widgets' browser tests: an SDK stand-in and shadow-DOM queries. */
import axe from 'axe-core';
import { afterEach } from 'vitest';
import { createWidgets } from './create-widgets.tsx';
import type { ChecklistHandlers, ChecklistView, Widgets, WidgetsOptions } from './views.ts';

const mounted: Widgets[] = [];
afterEach(() => {
  while (mounted.length) mounted.pop()!.destroy();
});

/** Creates widgets that are destroyed after the test. */
export function mount(options: WidgetsOptions = {}): Widgets & { shadow: ShadowRoot } {
  const widgets = createWidgets({ locale: 'en', ...options });
  mounted.push(widgets);
  return Object.assign(widgets, { shadow: widgets.host.shadowRoot! });
}

/** The focused element inside the widgets, if any. */
export const active = (widgets: { shadow: ShadowRoot }): Element | null => widgets.shadow.activeElement;

/** One element inside the widgets (throws when missing). */
export function $(widgets: { shadow: ShadowRoot }, selector: string): HTMLElement {
  const found = widgets.shadow.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`Failed to find ${selector} in the widgets.`);
  return found;
}

/**
 * Plays the SDK's part for a checklist: records every handler call and answers it the way
 * the SDK does (open/minimise change the mode, manual completion marks the step done, the
 * last step shows the completion moment, dismiss removes the checklist).
 */
export function driveChecklist(widgets: Widgets, initial: ChecklistView) {
  const calls: [string, ...unknown[]][] = [];
  let view = initial;
  const update = (next: ChecklistView | null) => {
    if (next) view = next;
    widgets.renderChecklist(next, handlers);
  };
  const handlers: ChecklistHandlers = {
    onOpen: () => (calls.push(['onOpen']), update({ ...view, mode: 'open' })),
    onMinimise: () => (calls.push(['onMinimise']), update({ ...view, mode: 'minimised' })),
    onDismiss: () => (calls.push(['onDismiss']), update(null)),
    onStepAction: (stepId) => void calls.push(['onStepAction', stepId]),
    onStepComplete: (stepId) => {
      calls.push(['onStepComplete', stepId]);
      const steps = view.steps.map((step) => (step.id === stepId ? { ...step, done: true } : step));
      update({ ...view, steps, justCompleted: steps.every((step) => step.done) });
    },
  };
  update(initial);
  return { calls, handlers, view: () => view };
}

/** Serious and critical axe-core violations inside the widgets' shadow root. */
export async function seriousViolations(widgets: { host: HTMLElement }): Promise<string[]> {
  const results = await axe.run(widgets.host, { resultTypes: ['violations'] });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** A checklist view with every kind of step. */
export const sampleChecklist = (): ChecklistView => ({
  id: 'getting-started',
  title: 'Get started',
  description: 'Four steps to your first report.',
  mode: 'launcher',
  steps: [
    { id: 'project', title: 'Create a project', done: true, action: { type: 'link', url: '/projects/new' } },
    { id: 'invite', title: 'Invite your team', description: 'Two teammates.', done: false, action: { type: 'callback', name: 'openInvite' } },
    { id: 'docs', title: 'Read the guide', done: false, action: { type: 'link', url: 'https://docs.example.test/guide' }, manual: true },
    { id: 'tour', title: 'Watch the tour', done: false, manual: true },
  ],
});
