/** FNV-1a 32-bit hash: small, fast and evenly spread for short ids. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Whether this user is in a survey's sample of `percent` (0–100). Deterministic per user and
 * survey, so a user stays in or out on every page and device, and independent across surveys.
 */
export const inSample = (userKey: string, surveyId: string, percent: number): boolean =>
  percent >= 100 || (fnv1a(userKey + '\u0000' + surveyId) % 10000) / 100 < percent;
