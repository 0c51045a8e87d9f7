/**
 * Calls `onPage` whenever a single-page app moves to another path or query
 * (`history.pushState`, `replaceState`, back/forward); hash-only changes are not pages.
 *
 * @returns stop: restores history's methods (unless someone patched them after us)
 */
export function autoPage(onPage: () => void): () => void {
  const h = history;
  const at = () => location.pathname + location.search;
  let last = at();
  const check = () => {
    if (at() !== last) {
      last = at();
      onPage();
    }
  };
  const wrap = (orig: History['pushState']): History['pushState'] =>
    function (this: History, ...args) {
      orig.apply(this, args);
      check();
    };
  const push = h.pushState;
  const replace = h.replaceState;
  const wrappedPush = (h.pushState = wrap(push));
  const wrappedReplace = (h.replaceState = wrap(replace));
  addEventListener('popstate', check);
  return () => {
    if (h.pushState === wrappedPush) h.pushState = push;
    if (h.replaceState === wrappedReplace) h.replaceState = replace;
    removeEventListener('popstate', check);
  };
}
