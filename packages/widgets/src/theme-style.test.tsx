import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { luminance, onBrand } from './theme-style.ts';
import { $, driveChecklist, mount, sampleChecklist } from './test-support.ts';

describe('theme', () => {
  it('picks the brand text colour with the higher contrast', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgb(0, 0, 0)')).toBe(0);
    expect(luminance('oklch(0.5 0.1 200)')).toBeUndefined();
    expect(onBrand(luminance('rgb(79, 70, 229)'))).toBe('#fff');
    expect(onBrand(luminance('rgb(250, 204, 21)'))).toBe('#111827');
    expect(onBrand(undefined)).toBe('#fff');
  });

  it('applies brand, radius, font and placement through custom properties', async () => {
    const widgets = mount({ theme: { brand: 'gold', radius: 4, font: 'Georgia, serif', placement: 'bottom-left', zIndex: 42 } });
    driveChecklist(widgets, sampleChecklist());
    const launcher = $(widgets, '.launcher');
    await expect.element(page.getByRole('button', { name: /Get started/ })).toBeVisible();
    const style = getComputedStyle(launcher);
    expect(style.backgroundColor).toBe('rgb(255, 215, 0)');
    expect(style.color).toBe('rgb(17, 24, 39)'); // dark text on a light brand
    expect(style.fontFamily).toBe('Georgia, serif');
    const dock = getComputedStyle($(widgets, '.dock'));
    expect([$(widgets, '.dock').getBoundingClientRect().left, dock.zIndex]).toEqual([16, '42']);
    widgets.renderChecklist({ ...sampleChecklist(), mode: 'open' });
    expect(getComputedStyle($(widgets, '.card')).borderTopLeftRadius).toBe('4px');
  });

  it('ignores a brand the browser cannot parse, whatever it tries to smuggle', () => {
    const widgets = mount({ theme: { brand: 'red; } * { display: none' } });
    driveChecklist(widgets, sampleChecklist());
    expect(getComputedStyle($(widgets, '.launcher')).backgroundColor).toBe('rgb(79, 70, 229)');
  });

  it('has a dark mode, forced or following prefers-color-scheme', async () => {
    const { cdp } = await import('vitest/browser');
    const dark = mount({ theme: { mode: 'dark' } });
    driveChecklist(dark, { ...sampleChecklist(), mode: 'open' });
    expect(getComputedStyle($(dark, '.card')).backgroundColor).toBe('rgb(29, 34, 48)');
    const auto = mount({ theme: { mode: 'auto' } });
    driveChecklist(auto, { ...sampleChecklist(), mode: 'open' });
    expect(getComputedStyle($(auto, '.card')).backgroundColor).toBe('rgb(255, 255, 255)');
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
    try {
      expect(getComputedStyle($(auto, '.card')).backgroundColor).toBe('rgb(29, 34, 48)');
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { features: [] });
    }
  });
});
