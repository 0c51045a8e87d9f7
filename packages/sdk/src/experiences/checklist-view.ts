import type { Checklist } from '@cairn/protocol';
import type { ChecklistView } from '@cairn/widgets';
import type { ChecklistState } from './user-state.ts';

/** Dismissed and not restored since (a restore in the same millisecond as the dismissal wins: dismissing clears `restoredAt`). */
export const isDismissed = (c: ChecklistState | undefined): boolean => !!c?.dismissedAt && !(c.restoredAt && c.restoredAt >= c.dismissedAt);

/** The view the widgets (or a headless vendor) draw for a checklist in a given state. */
export function checklistView(c: Checklist, s: ChecklistState | undefined, justCompleted: boolean): ChecklistView {
  const view: ChecklistView = {
    id: c.id,
    title: c.title,
    steps: c.steps.map((step) => {
      const v: ChecklistView['steps'][number] = { id: step.id, title: step.title, done: !!s?.completedSteps[step.id] };
      if (step.description) v.description = step.description;
      if (step.action) v.action = step.action;
      if (step.manual) v.manual = true;
      return v;
    }),
    mode: justCompleted ? 'open' : (s?.mode ?? 'launcher'),
  };
  if (c.description) view.description = c.description;
  if (justCompleted) view.justCompleted = true;
  return view;
}
