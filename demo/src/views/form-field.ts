import { h, type Child } from '../element.ts';

/** A labelled form control; the label wraps it so no id wiring is needed. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  const children: Child[] = [h('span', { class: 'field-label' }, label), control];
  if (hint) children.push(h('span', { class: 'field-hint' }, hint));
  return h('label', { class: 'field' }, ...children);
}

/** A polite live region for form errors, announced by screen readers. */
export function formError(testId: string): HTMLParagraphElement {
  return h('p', { class: 'form-error', role: 'alert', 'data-testid': testId });
}
