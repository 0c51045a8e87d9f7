import { RESERVED_EVENTS, type Checklist } from '@cairn/protocol';
import type { ChecklistHandlers, ChecklistView } from '@cairn/widgets';
import type { EngineContext } from './engine-context.ts';
import { checklistView, isDismissed } from './checklist-view.ts';
import { matchesTarget } from './targeting.ts';
import type { ChecklistState, UserState } from './user-state.ts';

/**
 * Keeps the onboarding checklist: ticks steps off as their milestones are reached (or by hand),
 * records `Checklist Step Completed` / `Checklist Completed` / `Checklist Dismissed` once, and
 * draws the first checklist whose targeting holds and that is neither dismissed nor done —
 * through the widgets, and as `on('checklist', view)` for headless vendors.
 */
export function createChecklists(cx: EngineContext) {
  const { h } = cx;
  /** The checklist completed in this page: it stays open on its completion moment until closed. */
  let just: string | undefined;
  let last = 'null';
  const iso = () => new Date(cx.now()).toISOString();
  const find = (id: string) => cx.config.checklists.find((c) => c.id === id);
  const local = (id: string, change: (c: ChecklistState) => void) => cx.update((s) => change((s.checklists[id] ??= { completedSteps: {} })));

  const pick = (s: UserState): Checklist | undefined =>
    cx.config.checklists.find((c) => {
      const cs = s.checklists[c.id];
      return just === c.id || (!isDismissed(cs) && !cs?.completedAt && matchesTarget(c.target, cx.target(s)));
    });

  /** Marks a step done; false when it was done already. */
  const complete = (c: Checklist, stepId: string): boolean => {
    let done = false;
    let finished = false;
    local(c.id, (cs) => {
      if (cs.completedSteps[stepId]) return;
      done = true;
      cs.completedSteps[stepId] = iso();
      if (!cs.completedAt && c.steps.every((st) => cs.completedSteps[st.id])) finished = !!(cs.completedAt = iso());
    });
    if (done) h.client.track(RESERVED_EVENTS.checklistStepCompleted, { checklistId: c.id, stepId });
    if (finished) {
      h.client.track(RESERVED_EVENTS.checklistCompleted, { checklistId: c.id });
      just = c.id;
    }
    return done;
  };

  const setMode = (id: string, mode: ChecklistView['mode']) => {
    if (mode !== 'open' && just === id) just = undefined;
    local(id, (cs) => void (cs.mode = mode));
    void render();
  };

  const handlers = (c: Checklist): ChecklistHandlers => ({
    onOpen: () => setMode(c.id, 'open'),
    onMinimise: () => setMode(c.id, 'minimised'),
    onDismiss: () => dismiss(c.id),
    onStepAction(stepId) {
      const a = c.steps.find((st) => st.id === stepId)?.action;
      if (a?.type === 'callback') h.emit('action', { checklistId: c.id, stepId, name: a.name });
    },
    onStepComplete: (stepId) => completeStep(c.id, stepId),
  });

  async function render() {
    const s = cx.state();
    const c = pick(s);
    const view = c ? checklistView(c, s.checklists[c.id], just === c.id) : null;
    const key = JSON.stringify(view);
    if (key === last) return;
    last = key;
    h.emit('checklist', view);
    const drawn = c && !cx.headless(c.id) ? view : null;
    // Nothing to draw and nothing drawn: the widgets chunk is not worth a request.
    if (!drawn && !cx.widgetsLoaded()) return;
    const w = await cx.widgets();
    w?.renderChecklist(drawn, drawn && c ? handlers(c) : undefined);
  }

  function completeStep(checklistId: string, stepId: string) {
    const c = find(checklistId);
    if (!c?.steps.some((st) => st.id === stepId)) {
      return h.fail('complete a step', `checklist "${checklistId}" has no step "${stepId}"`, 'pass ids from the config');
    }
    if (complete(c, stepId)) void render();
  }

  /** Dismisses a checklist (closing the completion moment only hides it); false for an unknown id. */
  function dismiss(id: string): boolean {
    if (!find(id)) return false;
    if (just === id) just = undefined;
    else if (!isDismissed(cx.state().checklists[id])) {
      local(id, (cs) => {
        cs.dismissedAt = iso();
        delete cs.restoredAt;
      });
      h.client.track(RESERVED_EVENTS.checklistDismissed, { checklistId: id });
    }
    void render();
    return true;
  }

  return {
    completeStep,
    dismiss,
    open(id: string) {
      if (!find(id)) return h.fail('open a checklist', `there is no checklist "${id}"`, 'pass an id from the config');
      local(id, (cs) => {
        cs.restoredAt = iso();
        cs.mode = 'open';
      });
      void render();
    },
    /** Ticks steps whose milestone was reached (here, in another tab or on another device), then draws. */
    refresh() {
      const s = cx.state();
      for (const c of cx.config.checklists) {
        for (const st of c.steps) if (st.milestone && s.milestones[st.milestone] && !s.checklists[c.id]?.completedSteps[st.id]) complete(c, st.id);
      }
      return render();
    },
  };
}
