/**
 * Puts the widgets' CSS into their shadow root. Constructable stylesheets come first: they
 * add no `<style>` element, so a strict CSP (`style-src 'self'`) lets them through. Where
 * they are missing (Safari < 16.4), a `<style>` carries the CSP nonce when one is given.
 *
 * @returns how the CSS was attached
 */
export function adoptStyles(root: ShadowRoot, css: string, nonce?: string): 'adopted' | 'style' {
  const Sheet = root.ownerDocument.defaultView?.CSSStyleSheet;
  // A constructed sheet may only be adopted by its own document, so it comes from that realm.
  if (Sheet && 'adoptedStyleSheets' in root && 'replaceSync' in Sheet.prototype) {
    const sheet = new Sheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return 'adopted';
  }
  const style = root.ownerDocument.createElement('style');
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = css;
  root.prepend(style);
  return 'style';
}
