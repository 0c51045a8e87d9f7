import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createTranslate, isRtl, resolveLocale } from './locale.ts';
import { DEFAULT_STRINGS } from './strings.ts';
import { $, active, driveChecklist, mount, sampleChecklist } from './test-support.ts';

const BUILT_IN = Object.keys(DEFAULT_STRINGS);

describe('resolveLocale', () => {
  it('prefers the explicit option, then the browser languages, then English', () => {
    expect(resolveLocale(['zh-CN', 'ar'], BUILT_IN)).toBe('zh-CN');
    expect(resolveLocale([undefined, 'fr-FR', 'ar-EG'], BUILT_IN)).toBe('ar');
    expect(resolveLocale([undefined, 'fr-FR', 'de'], BUILT_IN)).toBe('en');
    expect(resolveLocale(['en-GB'], BUILT_IN)).toBe('en');
  });

  it('maps Simplified Chinese tags to zh-CN but not Traditional ones', () => {
    expect(resolveLocale(['zh'], BUILT_IN)).toBe('zh-CN');
    expect(resolveLocale(['zh-Hans-SG'], BUILT_IN)).toBe('zh-CN');
    expect(resolveLocale(['zh-TW'], BUILT_IN)).toBe('en');
    expect(resolveLocale(['zh-Hant-HK', 'ar'], BUILT_IN)).toBe('ar');
  });

  it('offers locales that only the strings option provides', () => {
    expect(resolveLocale(['de-AT'], ['de', ...BUILT_IN])).toBe('de');
  });
});

describe('strings', () => {
  it('has every key, non-empty, in every built-in table', () => {
    const keys = Object.keys(DEFAULT_STRINGS.en!);
    for (const [locale, table] of Object.entries(DEFAULT_STRINGS)) {
      expect(Object.keys(table), locale).toEqual(keys);
      for (const key of keys) expect(table[key as keyof typeof table], `${locale} ${key}`).toMatch(/\S/);
    }
    // The placeholders survive translation.
    for (const table of Object.values(DEFAULT_STRINGS)) expect(table['checklist.progress']).toMatch(/\{done\}.*\{total\}/);
  });

  it('looks up overrides first, then the built-in table, then English', () => {
    const t = createTranslate('de', { de: { 'survey.send': 'Senden' }, en: { 'survey.close': 'Done' } });
    expect(t('survey.send')).toBe('Senden');
    expect(t('survey.close')).toBe('Done');
    expect(t('checklist.progress', { done: 2, total: 5 })).toBe('2 of 5 steps done');
    expect(createTranslate('zh-CN', { en: { 'survey.send': 'Submit' } })('survey.send')).toBe('提交');
  });

  it('knows which locales are right to left', () => {
    expect([isRtl('ar'), isRtl('he-IL'), isRtl('fa'), isRtl('en'), isRtl('zh-CN')]).toEqual([true, true, true, false, false]);
  });
});

describe('localized widgets', () => {
  it('renders Simplified Chinese', async () => {
    const widgets = mount({ locale: 'zh-CN' });
    expect(widgets.locale).toBe('zh-CN');
    driveChecklist(widgets, sampleChecklist());
    await expect.element(page.getByRole('button', { name: 'Get started 已完成 1/4 步' })).toBeVisible();
    widgets.showSurvey({ id: 's', kind: 'nps' }, { onRespond() {}, onDismiss() {} });
    await expect.element(page.getByRole('dialog', { name: '您有多大可能向朋友或同事推荐我们？' })).toBeVisible();
    expect($(widgets, '.root').lang).toBe('zh-CN');
    expect($(widgets, '.root').dir).toBe('ltr');
    expect(page.getByRole('button', { name: '关闭调查' }).element()).toBeTruthy();
  });

  it('renders Arabic right to left, with the scale and its arrow keys mirrored', async () => {
    const widgets = mount({ locale: 'ar' });
    widgets.showSurvey({ id: 's', kind: 'nps' }, { onRespond() {}, onDismiss() {} });
    await expect.element(page.getByRole('dialog', { name: 'ما مدى احتمال أن توصي بنا لصديق أو زميل؟' })).toBeVisible();
    expect($(widgets, '.root').dir).toBe('rtl');
    expect(getComputedStyle($(widgets, '.survey')).direction).toBe('rtl');
    const radios = [...widgets.shadow.querySelectorAll<HTMLElement>('[role=radio]')];
    // 0 sits on the right, 10 on the left.
    expect(radios[0]!.getBoundingClientRect().left).toBeGreaterThan(radios[10]!.getBoundingClientRect().left);
    radios[0]!.focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(active(widgets)?.textContent).toBe('1');
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(active(widgets)?.textContent).toBe('10');
    // The close button sits at the inline end: the left in RTL.
    const card = $(widgets, '.survey').getBoundingClientRect();
    const close = page.getByRole('button', { name: 'إغلاق الاستبيان' }).element().getBoundingClientRect();
    expect(close.left - card.left).toBeLessThan(card.right - close.right);
  });

  it('takes overrides from the strings option', async () => {
    const widgets = mount({ locale: 'en', strings: { en: { 'survey.send': 'Submit', 'nps.question': 'Would you recommend Acme?' } } });
    widgets.showSurvey({ id: 's', kind: 'nps' }, { onRespond() {}, onDismiss() {} });
    await expect.element(page.getByRole('dialog', { name: 'Would you recommend Acme?' })).toBeVisible();
    await userEvent.click(page.getByRole('radio', { name: '3' }));
    await expect.element(page.getByRole('button', { name: 'Submit' })).toBeVisible();
  });

  it('falls back to the browser language without an explicit locale', () => {
    const widgets = mount({ locale: undefined });
    expect(widgets.locale).toBe(resolveLocale([...navigator.languages], BUILT_IN));
  });
});
