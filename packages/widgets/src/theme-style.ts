import type { Theme } from '@cairn/protocol';

const DEFAULT_BRAND = '#4f46e5';
const DEFAULT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif';
// Above the usual page chrome, below the browsers' 2^31 - 1 maximum so pages keep an escape hatch.
const DEFAULT_Z = 2147483000;

/** WCAG 2 relative luminance of an `rgb(r, g, b)` string, or undefined for other notations. */
export function luminance(rgb: string): number | undefined {
  const parts = /^rgba?\((\d+(?:\.\d+)?)[,\s]+(\d+(?:\.\d+)?)[,\s]+(\d+(?:\.\d+)?)/.exec(rgb);
  if (!parts) return undefined;
  const [r, g, b] = parts.slice(1, 4).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Text colour on the brand colour: white or near-black, whichever contrasts more.
 * `#111827` has luminance 0.0116, so dark text wins above luminance ≈ 0.19.
 */
export const onBrand = (brandLuminance: number | undefined): string =>
  brandLuminance !== undefined && 1.05 / (brandLuminance + 0.05) < (brandLuminance + 0.05) / 0.0616 ? '#111827' : '#fff';

/**
 * The theme as CSS custom properties for the widgets' root element. Values are set through
 * the CSSOM (never as CSS text), so a hostile value cannot escape its property; colours the
 * browser cannot parse fall back to the default brand.
 *
 * @param resolveColor - turns a CSS colour into the browser's computed `rgb(…)` form
 */
export function themeStyle(theme: Theme, win: Pick<typeof globalThis, 'CSS'>, resolveColor: (color: string) => string): Record<string, string> {
  const brand = theme.brand && win.CSS?.supports('color', theme.brand) ? theme.brand : DEFAULT_BRAND;
  return {
    '--b': brand,
    '--ob': onBrand(luminance(resolveColor(brand))),
    '--r': `${Math.min(32, Math.max(0, theme.radius ?? 12))}px`,
    '--f': theme.font ?? DEFAULT_FONT,
    '--z': String(theme.zIndex ?? DEFAULT_Z),
  };
}
