/**
 * Remembers where focus came from when it entered the widgets, so that closing a prompt
 * returns it there (WAI-ARIA APG, dialog pattern: "When a dialog closes, focus returns
 * to the element that invoked it" — here, the element the user left).
 */
export interface FocusReturn {
  /** Whether focus is inside the widgets now. */
  inside(): boolean;
  /** Moves focus back to where it came from, else to `fallback`, if focus was lost. */
  restore(fallback?: HTMLElement | null): void;
  stop(): void;
}

type Focusable = Node & { focus(): void };

export function trackFocusReturn(root: ShadowRoot): FocusReturn {
  let origin: Focusable | null = null;
  const onFocusIn = (event: Event) => {
    // relatedTarget is retargeted to this tree, so an element of the page stays itself.
    const from = (event as FocusEvent).relatedTarget as Focusable | null;
    if (from && typeof from.focus === 'function' && !root.contains(from)) origin = from;
  };
  root.addEventListener('focusin', onFocusIn);
  return {
    inside: () => root.activeElement !== null,
    restore(fallback) {
      if (root.activeElement !== null) return;
      const target = origin?.isConnected ? origin : fallback;
      origin = null;
      target?.focus();
    },
    stop: () => root.removeEventListener('focusin', onFocusIn),
  };
}
