import { DEFAULT_STRINGS, type StringKey } from './strings.ts';

const language = (tag: string): string => tag.toLowerCase().split('-')[0] ?? '';
// zh-TW, zh-HK and zh-Hant use Traditional characters: zh-CN (Simplified) is no match for them.
const traditional = (tag: string) => /^zh-(hant|tw|hk|mo)\b/i.test(tag);

/**
 * Picks the first candidate that has strings: an exact tag, else a locale of the same
 * language (`en-GB` → `en`, `ar-EG` → `ar`, `zh-Hans-SG` → `zh-CN`), else `en`.
 *
 * @param candidates - in order: the explicit option (or the user's trait), then `navigator.languages`
 * @param available - locales with strings (built-in and from the `strings` option)
 */
export function resolveLocale(candidates: readonly (string | undefined)[], available: readonly string[]): string {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const exact = available.find((tag) => tag.toLowerCase() === candidate.toLowerCase());
    if (exact) return exact;
    const related = available.find((tag) => language(tag) === language(candidate) && traditional(tag) === traditional(candidate));
    if (related) return related;
  }
  return 'en';
}

/** Whether a locale is written right to left. */
export const isRtl = (locale: string): boolean => ['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb'].includes(language(locale));

/** Looks up a string with `{name}` placeholders filled in. */
export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/**
 * Creates the lookup for one locale. Order: the `strings` override for the locale, the
 * built-in table for it, the `en` override, the built-in English.
 */
export function createTranslate(locale: string, overrides: Record<string, Record<string, string>> = {}): Translate {
  const tables = [overrides[locale], DEFAULT_STRINGS[locale], overrides.en, DEFAULT_STRINGS.en];
  return (key, values = {}) => {
    let text: string = key;
    for (const table of tables) {
      const found = table?.[key];
      if (typeof found === 'string') {
        text = found;
        break;
      }
    }
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
  };
}
