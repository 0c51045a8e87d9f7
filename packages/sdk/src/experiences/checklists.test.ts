import type { ChecklistView } from '@cairn/widgets';
import { expect, test } from 'vitest';
import { sleep, until } from '../test-support/fake-collector.ts';
import { useEngineBench, cfg, daysAgo, fake } from '../test-support/experiences.ts';

const { collector, b } = useEngineBench();

const onboarding = cfg({
  milestones: [
    { id: 'created', event: 'Project Created', required: true },
    { id: 'invited', event: 'Teammate Invited' },
  ],
  checklists: [
    {
      id: 'onb',
      title: 'Get started',
      steps: [
        { id: 'create', title: 'Create a project', milestone: 'created', action: { type: 'link', url: '/projects/new' } },
        { id: 'invite', title: 'Invite a teammate', milestone: 'invited', action: { type: 'callback', name: 'openInvite' } },
        { id: 'tour', title: 'Take the tour', manual: true },
      ],
    },
  ],
});

const lastView = (views: (ChecklistView | null)[]) => views[views.length - 1];
const done = (v: ChecklistView | null | undefined) => v?.steps.filter((s) => s.done).map((s) => s.id);

test('headless: steps tick off from milestones and by hand; completion, dismiss and restore', async () => {
  const a = b.make({ headless: true, experiences: onboarding });
  await until(() => a.rec.checklists.length, 'the checklist view');
  expect(lastView(a.rec.checklists)).toMatchObject({ id: 'onb', title: 'Get started', mode: 'launcher' });
  expect(done(lastView(a.rec.checklists))).toEqual([]);
  a.c.track('Project Created');
  await until(() => done(lastView(a.rec.checklists))?.length === 1, 'the first step');
  expect(a.named('Checklist Step Completed')).toEqual([{ checklistId: 'onb', stepId: 'create' }]);
  a.c.completeStep('onb', 'nope');
  expect(a.rec.errors).toEqual(['Failed to complete a step: checklist "onb" has no step "nope". Please pass ids from the config.']);
  a.c.completeStep('onb', 'tour');
  a.c.track('Teammate Invited');
  await until(() => a.named('Checklist Completed').length, 'completion');
  expect(a.named('Checklist Completed')).toEqual([{ checklistId: 'onb' }]);
  expect(lastView(a.rec.checklists)).toMatchObject({ mode: 'open', justCompleted: true });
  // Closing the completion moment hides it for good, without a dismissal.
  a.c.dismiss('onb');
  await until(() => lastView(a.rec.checklists) === null, 'the checklist gone');
  expect(a.named('Checklist Dismissed')).toEqual([]);
  expect(b.widgetRequests()).toBe(0);
});

test('headless dismiss records Checklist Dismissed; openChecklist restores it', async () => {
  const a = b.make({ headless: true, experiences: onboarding });
  await until(() => a.rec.checklists.length, 'the checklist view');
  a.c.dismiss('onb');
  await until(() => lastView(a.rec.checklists) === null, 'dismissed');
  expect(a.named('Checklist Dismissed')).toEqual([{ checklistId: 'onb' }]);
  a.c.openChecklist('onb');
  await until(() => lastView(a.rec.checklists)?.mode === 'open', 'restored and open');
});

test('progress from the server (another device) ticks the steps; a reload keeps it', async () => {
  collector.served.state = { u1: { milestones: { created: daysAgo(1) }, checklists: { onb: { completedSteps: { tour: daysAgo(1) } } }, surveys: {} } };
  const a = b.make({ headless: true, experiences: onboarding });
  a.c.identify('u1');
  await until(() => done(lastView(a.rec.checklists))?.length === 2, 'two steps done');
  expect(done(lastView(a.rec.checklists))).toEqual(['create', 'tour']);
  // The step reached elsewhere but never recorded as completed is recorded once.
  expect(a.named('Checklist Step Completed')).toEqual([{ checklistId: 'onb', stepId: 'create' }]);
  b.close();
  collector.served.state = {};
  const reload = b.make({ headless: true, experiences: onboarding });
  reload.c.identify('u1');
  await until(() => done(lastView(reload.rec.checklists))?.length === 2, 'two steps after reload');
  expect(reload.named('Checklist Step Completed')).toEqual([]);
});

test('calls made before the engine loaded are queued and replayed', async () => {
  const a = b.make({ headless: true, experiences: onboarding });
  a.c.completeStep('onb', 'tour');
  await until(() => a.named('Checklist Step Completed').length, 'the queued step');
  expect(a.named('Checklist Step Completed')).toEqual([{ checklistId: 'onb', stepId: 'tour' }]);
});

test('with widgets: the chunk loads once with theme and locale, renders the view, and its handlers drive the state', async () => {
  const a = b.make({ locale: 'zh-CN', experiences: { ...onboarding, theme: { brand: '#0a7' } } });
  let actions = 0;
  a.c.on('action', (p) => {
    expect(p).toEqual({ checklistId: 'onb', stepId: 'invite', name: 'openInvite' });
    actions++;
  });
  await until(() => fake().checklist, 'the checklist drawn');
  expect(b.widgetRequests()).toBe(1);
  expect(fake().calls[0]).toEqual(['create', expect.objectContaining({ locale: 'zh-CN', theme: { brand: '#0a7' } })]);
  const views = () => fake().calls.filter(([m]) => m === 'checklist').map(([, v]) => v as ChecklistView | null);
  fake().checklist!.onOpen();
  await until(() => lastView(views())?.mode === 'open', 'opened');
  fake().checklist!.onStepAction('invite');
  expect(actions).toBe(1);
  fake().checklist!.onStepComplete('tour');
  await until(() => done(lastView(views()))?.includes('tour'), 'tour done');
  fake().checklist!.onMinimise();
  await until(() => lastView(views())?.mode === 'minimised', 'minimised');
  fake().checklist!.onDismiss();
  await until(() => lastView(views()) === null, 'removed');
  expect(a.named('Checklist Dismissed')).toEqual([{ checklistId: 'onb' }]);
  expect(b.widgetRequests()).toBe(1);
});

test('a checklist whose targeting does not hold draws nothing and loads no widgets', async () => {
  const a = b.make({ experiences: { ...onboarding, checklists: onboarding.checklists!.map((c) => ({ ...c, target: { userTraits: { role: 'admin' } } })) } });
  a.c.identify('u1', { role: 'viewer' });
  a.c.track('Project Created');
  await until(() => a.named('Checklist Step Completed').length, 'the step still ticks');
  await sleep(150);
  expect(b.widgetRequests()).toBe(0);
  a.c.identify('u1', { role: 'admin' });
  await until(() => fake().checklist, 'drawn once targeted');
  expect(b.widgetRequests()).toBe(1);
});
