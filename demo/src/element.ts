/** Attributes and listeners for {@link h}: `on*` keys take listeners, the rest become attributes. */
export type Attributes = Record<string, string | number | boolean | EventListener | undefined>;

/** A child of {@link h}: text is always set as a text node, never parsed as HTML. */
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element. User text only ever becomes a text node, so a project called
 * `<img onerror=…>` stays a harmless label.
 *
 * @example h('button', { class: 'primary', onclick: save }, 'Save')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : String(child));
  }
  return element;
}
