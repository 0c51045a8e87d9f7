import { describe, expect, it } from 'vitest';
import { keyboardInset, watchViewport, type VisualViewportLike } from './viewport-lift.ts';

/** A visual viewport whose size the test sets, firing real events. */
function fakeViewport(height: number): VisualViewportLike & { resize(height: number, offsetTop?: number): void } {
  const target = new EventTarget();
  const viewport = {
    height,
    offsetTop: 0,
    scale: 1,
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    resize(next: number, offsetTop = 0) {
      viewport.height = next;
      viewport.offsetTop = offsetTop;
      target.dispatchEvent(new Event('resize'));
    },
  };
  return viewport as VisualViewportLike & { resize(height: number, offsetTop?: number): void };
}

describe('viewport lift', () => {
  it('measures what the on-screen keyboard covers', () => {
    expect(keyboardInset(800, { height: 800, offsetTop: 0, scale: 1 })).toBe(0);
    expect(keyboardInset(800, { height: 500, offsetTop: 0, scale: 1 })).toBe(300);
    expect(keyboardInset(800, { height: 500, offsetTop: 100, scale: 1 })).toBe(200);
    // Pinch-zoomed: the smaller visual viewport is not a keyboard.
    expect(keyboardInset(800, { height: 400, offsetTop: 0, scale: 2 })).toBe(0);
  });

  it('follows resizes until stopped', () => {
    const viewport = fakeViewport(700);
    const insets: number[] = [];
    const stop = watchViewport({ innerHeight: 700, visualViewport: viewport }, (inset) => insets.push(inset));
    viewport.resize(400);
    viewport.resize(700);
    stop();
    viewport.resize(300);
    expect(insets).toEqual([0, 300, 0]);
  });

  it('does nothing without visualViewport', () => {
    const insets: number[] = [];
    watchViewport({ innerHeight: 700, visualViewport: null }, (inset) => insets.push(inset))();
    expect(insets).toEqual([]);
  });
});
