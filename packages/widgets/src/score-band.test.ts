import { describe, expect, it } from 'vitest';
import { createTranslate } from './locale.ts';
import { followUpFor, scoreBand } from './score-band.ts';

describe('scoreBand', () => {
  it('splits NPS 0–6 / 7–8 / 9–10', () => {
    expect([0, 6, 7, 8, 9, 10].map((score) => scoreBand('nps', score))).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('splits CSAT 1–2 / 3 / 4–5 and CES 1–3 / 4 / 5–7', () => {
    expect([1, 2, 3, 4, 5].map((score) => scoreBand('csat', score))).toEqual(['detractor', 'detractor', 'passive', 'promoter', 'promoter']);
    expect([1, 3, 4, 5, 7].map((score) => scoreBand('ces', score))).toEqual(['detractor', 'detractor', 'passive', 'promoter', 'promoter']);
  });

  it('resolves the follow-up: one string, a per-band text, or the localized default', () => {
    const t = createTranslate('en');
    expect(followUpFor('Why?', 'nps', 3, t)).toBe('Why?');
    expect(followUpFor({ passive: 'Almost!' }, 'nps', 7, t)).toBe('Almost!');
    expect(followUpFor({ passive: 'Almost!' }, 'nps', 2, t)).toBe('Sorry to hear that. What could we do better?');
    expect(followUpFor(undefined, 'csat', 5, createTranslate('zh-CN'))).toBe('太好了！您最喜欢哪一点？');
  });
});
