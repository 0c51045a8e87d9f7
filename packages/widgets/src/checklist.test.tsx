import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { $, active, driveChecklist, mount, sampleChecklist } from './test-support.ts';

describe('checklist', () => {
  it('shows a launcher with the title and progress, and nothing else', async () => {
    const widgets = mount();
    driveChecklist(widgets, sampleChecklist());
    const launcher = page.getByRole('button', { name: 'Get started 1 of 4 steps done' });
    await expect.element(launcher).toBeVisible();
    expect($(widgets, '.count').textContent).toBe('1/4');
    expect($(widgets, '.ring').style.getPropertyValue('--p')).toBe('25%');
    expect(widgets.shadow.querySelector('section')).toBeNull();
    // Appearing does not take focus from the page.
    expect(active(widgets)).toBeNull();
  });

  it('opens into a labelled region with every step, and minimises and restores', async () => {
    const widgets = mount();
    const { calls } = driveChecklist(widgets, sampleChecklist());
    await userEvent.click(page.getByRole('button', { name: /Get started/ }));
    const region = page.getByRole('region', { name: 'Get started' });
    await expect.element(region).toBeVisible();
    expect([...widgets.shadow.querySelectorAll('.step-title')].map((el) => el.textContent)).toEqual([
      'Create a project (Done)',
      'Invite your team (To do)',
      'Read the guide (To do)',
      'Watch the tour (To do)',
    ]);
    expect(page.getByRole('progressbar').element().getAttribute('aria-valuetext')).toBe('1 of 4 steps done');
    // The done step offers no action; the link step both links and can be marked done.
    const links = [...widgets.shadow.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.target]);
    expect(links).toEqual([['https://docs.example.test/guide', '_blank']]);
    expect(page.getByRole('button', { name: 'Mark as done' }).elements()).toHaveLength(2);

    await userEvent.click(page.getByRole('button', { name: 'Minimise checklist' }));
    const mini = page.getByRole('button', { name: 'Get started, 1 of 4 steps done' });
    await expect.element(mini).toBeVisible();
    expect($(widgets, '.launcher').classList.contains('mini')).toBe(true);
    await userEvent.click(mini);
    await expect.element(region).toBeVisible();
    expect(calls).toEqual([['onOpen'], ['onMinimise'], ['onOpen']]);
  });

  it('calls the step handlers with the step id', async () => {
    const widgets = mount();
    const { calls } = driveChecklist(widgets, { ...sampleChecklist(), mode: 'open' });
    await userEvent.click(page.getByRole('button', { name: 'Start' }));
    // A same-origin link: keep the page (the default action would navigate the test away).
    const link = widgets.shadow.querySelector('a')!;
    link.addEventListener('click', (event) => event.preventDefault(), { once: true });
    await userEvent.click(link);
    const [, watch] = page.getByRole('button', { name: 'Mark as done' }).elements();
    await userEvent.click(watch!);
    expect(calls).toEqual([
      ['onStepAction', 'invite'],
      ['onStepAction', 'docs'],
      ['onStepComplete', 'tour'],
    ]);
    await expect.element(page.getByText('Watch the tour (Done)')).toBeVisible();
  });

  it('can be completed with the keyboard alone, ending in the completion moment', async () => {
    const widgets = mount();
    const view = sampleChecklist();
    view.steps = view.steps.map((step) => ({ ...step, manual: true, action: undefined }));
    const { calls } = driveChecklist(widgets, view);

    await userEvent.tab();
    expect(active(widgets)?.classList.contains('launcher')).toBe(true);
    await userEvent.keyboard('{Enter}');
    // Opening moves focus to the panel's heading, since the user was in the launcher.
    expect(active(widgets)?.id).toBe('cairn-cl-title');
    for (let i = 0; i < 3; i++) {
      // Tab past minimise and dismiss (and past finished steps) to the next "Mark as done".
      do await userEvent.tab();
      while (active(widgets)?.textContent !== 'Mark as done');
      await userEvent.keyboard(' ');
      // The button went away with the step; focus stays on that step, not on the page.
      expect(active(widgets)?.classList.contains('step-title')).toBe(true);
    }
    expect(calls).toEqual([['onOpen'], ['onStepComplete', 'invite'], ['onStepComplete', 'docs'], ['onStepComplete', 'tour']]);
    await expect.element(page.getByRole('status')).toHaveTextContent('All done! You finished every step. Nice work.');
    do await userEvent.tab();
    while (active(widgets)?.textContent !== 'Close');
    await userEvent.keyboard('{Enter}');
    expect(calls.at(-1)).toEqual(['onDismiss']);
    expect(widgets.shadow.querySelector('.checklist, .launcher')).toBeNull();
  });

  it('minimises on Escape and gives focus back to the launcher', async () => {
    const widgets = mount();
    const { calls } = driveChecklist(widgets, sampleChecklist());
    $(widgets, '.launcher').focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.keyboard('{Escape}');
    expect(calls).toEqual([['onOpen'], ['onMinimise']]);
    expect(active(widgets)?.classList.contains('launcher')).toBe(true);
  });

  it('does not move focus when the SDK changes the mode while the user is elsewhere', async () => {
    const widgets = mount();
    const { handlers } = driveChecklist(widgets, sampleChecklist());
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    widgets.renderChecklist({ ...sampleChecklist(), mode: 'open' }, handlers);
    expect(document.activeElement).toBe(input);
    input.remove();
  });

  it('does not take focus from the survey when the checklist changes mode', async () => {
    const widgets = mount();
    const { handlers } = driveChecklist(widgets, { ...sampleChecklist(), mode: 'open' });
    widgets.showSurvey({ id: 's', kind: 'nps' }, { onRespond() {}, onDismiss() {} });
    const radio = widgets.shadow.querySelector<HTMLElement>('[role=radio]')!;
    radio.focus();
    widgets.renderChecklist({ ...sampleChecklist(), mode: 'minimised' }, handlers);
    expect(active(widgets)).toBe(radio);
  });

  it('renders config text with HTML as text', async () => {
    const widgets = mount();
    const html = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    driveChecklist(widgets, {
      ...sampleChecklist(),
      mode: 'open',
      title: html,
      description: html,
      steps: [{ id: 'x', title: html, description: html, done: false, manual: true }],
    });
    await expect.element(page.getByRole('heading', { name: html })).toBeVisible();
    expect(widgets.shadow.querySelector('img, b')).toBeNull();
    expect($(widgets, '.step-title').firstChild!.textContent).toBe(html);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('does not render a javascript: link from an unchecked view, and says why', async () => {
    const warn = vi.fn();
    const widgets = mount({ logger: { warn, error: vi.fn() } });
    driveChecklist(widgets, {
      ...sampleChecklist(),
      mode: 'open',
      steps: [{ id: 'evil', title: 'Click me', done: false, action: { type: 'link', url: 'javascript:alert(1)' }, manual: true }],
    });
    await expect.element(page.getByText('Click me')).toBeVisible();
    expect(widgets.shadow.querySelector('a')).toBeNull();
    expect(warn).toHaveBeenCalledWith(
      'Failed to render the link of step "evil": "javascript:alert(1)" is not an http(s) or relative URL. Please fix the checklist config.',
    );
  });

  it('logs a throwing handler instead of throwing into the page', async () => {
    const error = vi.fn();
    const widgets = mount({ logger: { warn: vi.fn(), error } });
    const boom = () => {
      throw new Error('boom');
    };
    widgets.renderChecklist(sampleChecklist(), { onOpen: boom, onMinimise: boom, onDismiss: boom, onStepAction: boom, onStepComplete: boom });
    await userEvent.click(page.getByRole('button', { name: /Get started/ }));
    expect(error).toHaveBeenCalledWith('Failed to run the onOpen handler: Error: boom. Please fix the handler passed to the widgets.', expect.any(Error));
  });

  it('removes the checklist on null and everything on destroy', async () => {
    const widgets = mount();
    const { handlers } = driveChecklist(widgets, sampleChecklist());
    widgets.renderChecklist(null, handlers);
    expect(widgets.shadow.querySelector('.launcher')).toBeNull();
    widgets.destroy();
    expect(document.querySelector('cairn-widgets')).toBeNull();
    // Calls after destroy are ignored.
    widgets.renderChecklist(sampleChecklist(), handlers);
    expect(document.querySelector('cairn-widgets')).toBeNull();
  });
});
