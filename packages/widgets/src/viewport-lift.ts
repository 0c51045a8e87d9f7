/** The part of `visualViewport` the lift reads (injectable for tests). */
export type VisualViewportLike = Pick<VisualViewport, 'height' | 'offsetTop' | 'scale' | 'addEventListener' | 'removeEventListener'>;

/**
 * How far the on-screen keyboard covers the bottom of the layout viewport, in CSS px.
 * Chrome for Android (since 108) and iOS Safari resize only the visual viewport when the
 * keyboard opens, so fixed elements at `bottom: 0` end up behind it. While pinch-zoomed the
 * visual viewport is smaller for another reason, so there is no lift then.
 */
export function keyboardInset(innerHeight: number, viewport: Pick<VisualViewport, 'height' | 'offsetTop' | 'scale'>): number {
  if (Math.abs(viewport.scale - 1) > 0.01) return 0;
  return Math.max(0, Math.round(innerHeight - viewport.height - viewport.offsetTop));
}

/**
 * Calls `apply` with the keyboard inset now and whenever the visual viewport changes.
 *
 * @returns a function that stops listening
 */
export function watchViewport(win: Pick<Window, 'innerHeight'> & { visualViewport?: VisualViewportLike | null }, apply: (insetPx: number) => void): () => void {
  const viewport = win.visualViewport;
  if (!viewport) return () => {};
  const update = () => apply(keyboardInset(win.innerHeight, viewport));
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
  update();
  return () => {
    viewport.removeEventListener('resize', update);
    viewport.removeEventListener('scroll', update);
  };
}
