import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { $, active, mount } from './test-support.ts';
import type { SurveyHandlers, SurveyView } from './views.ts';

const handlersFor = () => {
  const calls: unknown[][] = [];
  const handlers: SurveyHandlers = {
    onRespond: (...args) => void calls.push(['onRespond', ...args]),
    onDismiss: () => void calls.push(['onDismiss']),
    onClose: () => void calls.push(['onClose']),
  };
  return { calls, handlers };
};

const nps: SurveyView = { id: 'nps-q', kind: 'nps' };
const radios = (widgets: { shadow: ShadowRoot }) => [...widgets.shadow.querySelectorAll<HTMLElement>('[role=radio]')];

describe('survey', () => {
  it('shows an NPS question as a non-modal dialog with an 11-point radio group, without taking focus', async () => {
    const widgets = mount();
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    widgets.showSurvey(nps, handlersFor().handlers);
    const dialog = page.getByRole('dialog', { name: 'How likely are you to recommend us to a friend or colleague?' });
    await expect.element(dialog).toBeVisible();
    expect(dialog.element().getAttribute('aria-modal')).toBe('false');
    expect(radios(widgets).map((radio) => radio.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(radios(widgets).map((radio) => radio.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1]);
    expect($(widgets, '#cairn-ends').textContent).toBe('0 = Not at all likely10 = Extremely likely');
    expect(document.activeElement).toBe(input);
    input.remove();
  });

  it('uses 1–5 for CSAT and 1–7 for CES, with the config question', async () => {
    const widgets = mount();
    widgets.showSurvey({ id: 'c', kind: 'csat', question: 'How was the export?' }, handlersFor().handlers);
    await expect.element(page.getByRole('radiogroup', { name: 'How was the export?' })).toBeVisible();
    expect(radios(widgets).map((radio) => radio.textContent)).toEqual(['1', '2', '3', '4', '5']);
    widgets.showSurvey({ id: 'e', kind: 'ces' }, handlersFor().handlers);
    await expect.element(page.getByRole('radiogroup', { name: 'How easy was it to get done what you wanted?' })).toBeVisible();
    expect(radios(widgets).map((radio) => radio.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('is answered with the keyboard alone: roving tabindex, arrows, Space, comment, Enter', async () => {
    const widgets = mount();
    const { calls, handlers } = handlersFor();
    widgets.showSurvey(nps, handlers);
    await userEvent.tab(); // the dismiss button
    await userEvent.tab(); // the radio group's single tab stop
    expect(active(widgets)?.textContent).toBe('0');
    await userEvent.keyboard('{End}');
    expect(active(widgets)?.textContent).toBe('10');
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    // Arrows move and check; the follow-up follows the checked score, focus stays in the group.
    expect(active(widgets)?.getAttribute('aria-checked')).toBe('true');
    expect(active(widgets)?.textContent).toBe('8');
    expect(radios(widgets).filter((radio) => radio.tabIndex === 0).map((radio) => radio.textContent)).toEqual(['8']);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}'); // wraps from 10 to 0
    expect(active(widgets)?.textContent).toBe('0');
    await userEvent.keyboard('{ArrowUp}{ArrowDown}{ArrowDown}');
    expect(active(widgets)?.textContent).toBe('1');
    // Space chooses: focus moves into the follow-up.
    await userEvent.keyboard(' ');
    expect(active(widgets)?.id).toBe('cairn-comment');
    await userEvent.keyboard('Too slow');
    await userEvent.tab();
    expect(active(widgets)?.textContent).toBe('Send');
    await userEvent.keyboard('{Enter}');
    expect(calls).toEqual([['onRespond', 1, 'Too slow']]);
    // The thank-you takes focus (the user was in the survey) and is announced.
    await expect.element(page.getByRole('status')).toHaveTextContent('Thank you for your feedback!');
    expect(active(widgets)?.getAttribute('role')).toBe('status');
    await userEvent.keyboard('{Escape}');
    expect(calls).toEqual([['onRespond', 1, 'Too slow'], ['onClose']]);
    expect(widgets.shadow.querySelector('[role=dialog]')).toBeNull();
  });

  it('adapts the follow-up question to the score band', async () => {
    const widgets = mount();
    widgets.showSurvey(nps, handlersFor().handlers);
    const label = () => $(widgets, 'label[for=cairn-comment]').textContent;
    const choose = (score: string) => userEvent.click(page.getByRole('radio', { name: score, exact: true }));
    await choose('6');
    expect(label()).toBe('Sorry to hear that. What could we do better? (optional)');
    await choose('7');
    expect(label()).toBe('Thanks! What would make it even better? (optional)');
    await choose('9');
    expect(label()).toBe('Great to hear! What do you like most? (optional)');
    // Per-band texts from the config replace the defaults.
    widgets.showSurvey({ ...nps, followUp: { detractor: 'What went wrong?', promoter: 'Tell us more!' } }, handlersFor().handlers);
    await choose('0');
    expect(label()).toBe('What went wrong? (optional)');
    await choose('10');
    expect(label()).toBe('Tell us more! (optional)');
    await choose('8');
    expect(label()).toBe('Thanks! What would make it even better? (optional)');
    // One string serves every score.
    widgets.showSurvey({ id: 'c', kind: 'csat', followUp: 'Why this score?' }, handlersFor().handlers);
    await choose('2');
    expect(label()).toBe('Why this score? (optional)');
  });

  it('sends the score without a comment when the comment is empty', async () => {
    const widgets = mount();
    const { calls, handlers } = handlersFor();
    widgets.showSurvey({ id: 'c', kind: 'csat' }, handlers);
    await userEvent.click(page.getByRole('radio', { name: '4' }));
    await userEvent.keyboard('   ');
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    expect(calls).toEqual([['onRespond', 4, undefined]]);
  });

  it('is dismissed with Escape or the close button, and focus returns to where it was', async () => {
    const widgets = mount();
    const input = document.createElement('input');
    document.body.prepend(input);
    input.focus();
    const first = handlersFor();
    widgets.showSurvey(nps, first.handlers);
    await userEvent.tab();
    await userEvent.tab();
    expect(active(widgets)?.getAttribute('role')).toBe('radio');
    await userEvent.keyboard('{Escape}');
    expect(first.calls).toEqual([['onDismiss']]);
    expect(widgets.shadow.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(input);

    const second = handlersFor();
    widgets.showSurvey(nps, second.handlers);
    await userEvent.click(page.getByRole('button', { name: 'Dismiss survey' }));
    expect(second.calls).toEqual([['onDismiss']]);
    input.remove();
  });

  it('hides itself after the thank-you delay, or stays until closed with a delay of 0', async () => {
    const widgets = mount({ thankYouSeconds: 0.3 });
    const { calls, handlers } = handlersFor();
    widgets.showSurvey({ ...nps, thankYou: 'Merci !' }, handlers);
    await userEvent.click(page.getByRole('radio', { name: '0', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    expect(page.getByText('Merci !').element()).toBeTruthy();
    await expect.poll(() => widgets.shadow.querySelector('[role=dialog]'), { timeout: 5000 }).toBeNull();
    expect(calls).toEqual([['onRespond', 0, undefined], ['onClose']]);

    const staying = mount({ thankYouSeconds: 0 });
    const second = handlersFor();
    staying.showSurvey(nps, second.handlers);
    await userEvent.click(page.getByRole('radio', { name: '10' }));
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await userEvent.click(page.getByRole('button', { name: 'Close' }));
    expect(second.calls).toEqual([['onRespond', 10, undefined], ['onClose']]);
    expect(staying.shadow.querySelector('[role=dialog]')).toBeNull();
  });

  it('hideSurvey withdraws the survey without calling a handler', async () => {
    const widgets = mount();
    const { calls, handlers } = handlersFor();
    widgets.showSurvey(nps, handlers);
    widgets.hideSurvey();
    expect(widgets.shadow.querySelector('[role=dialog]')).toBeNull();
    expect(calls).toEqual([]);
  });

  it('renders config text with HTML as text', async () => {
    const widgets = mount();
    const html = '<img src=x onerror="window.__pwned=1"><i>hi</i>';
    widgets.showSurvey({ id: 's', kind: 'nps', question: html, followUp: html, thankYou: html }, handlersFor().handlers);
    await expect.element(page.getByRole('heading', { name: html })).toBeVisible();
    await userEvent.click(page.getByRole('radio', { name: '5' }));
    expect($(widgets, 'label').firstChild!.textContent).toBe(html);
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('status')).toHaveTextContent(html);
    expect(widgets.shadow.querySelector('img, i')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
