/**
 * Rounds half away from zero to `decimals` places. The model keeps full precision throughout and rounds
 * only the numbers it reports, so rounding errors never compound.
 */
export function roundTo(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  // Number.EPSILON nudges values such as 1.005 that sit just below the half in binary.
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * factor * (1 + Number.EPSILON)) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
