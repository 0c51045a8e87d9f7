import { describe, expect, it } from 'vitest';
import { EXPERIENCE_DEFAULTS, isSafeLinkUrl, parseExperienceConfig } from './experience-config.ts';

/** A realistic config, as a vendor would write it in the collector's config file. */
const example = {
  milestones: [
    { id: 'created-project', title: 'Created a project', event: 'Project Created', required: true },
    { id: 'invited-team', event: 'User Invited', where: { role: 'editor' }, count: 2, required: true },
    { id: 'shared-report', event: 'Report Shared' },
  ],
  checklists: [
    {
      id: 'getting-started',
      title: 'Get started with Acme',
      description: 'Four steps to your first shared report.',
      steps: [
        { id: 'project', title: 'Create a project', milestone: 'created-project', action: { type: 'link', url: '/projects/new' } },
        { id: 'invite', title: 'Invite two teammates', milestone: 'invited-team', action: { type: 'callback', name: 'openInvite' } },
        { id: 'share', title: 'Share a report', milestone: 'shared-report', action: { type: 'link', url: 'https://docs.acme.test/share' } },
        { id: 'tour', title: 'Watch the tour', description: 'Two minutes.', manual: true },
      ],
      target: { stage: ['onboarding'], maxDaysSinceSignup: 30, url: '/app/*' },
    },
  ],
  surveys: [
    {
      id: 'nps-q',
      kind: 'nps',
      followUp: { detractor: 'What should we fix first?', passive: 'What is missing?', promoter: 'What do you love?' },
      target: { minDaysSinceSignup: 14, accountTraits: { plan: ['pro', 'enterprise'] } },
      sample: 50,
      recontactDays: 90,
    },
    { id: 'csat-export', kind: 'csat', question: 'How satisfied are you with exports?', followUp: 'Why?', target: { event: 'Report Exported' }, delaySeconds: 5 },
    { id: 'ces-setup', kind: 'ces', thankYou: 'Thanks!', target: { userTraits: { role: 'admin' } } },
  ],
  throttle: { globalDays: 30, snoozeDays: 7 },
  theme: { brand: '#0f766e', radius: 12, font: 'Inter, system-ui, sans-serif', mode: 'auto', placement: 'bottom-left', zIndex: 2147483000 },
  locale: 'en',
  strings: { en: { 'survey.send': 'Submit' }, 'zh-CN': { 'survey.send': '提交' } },
};

const errorsOf = (raw: unknown): string[] => {
  const result = parseExperienceConfig(raw);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.errors;
};

const withChecklistStep = (step: object) => ({ checklists: [{ id: 'c', title: 'C', steps: [step] }] });

describe('parseExperienceConfig', () => {
  it('accepts the example config and fills defaults', () => {
    const result = parseExperienceConfig(example);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.config.milestones).toHaveLength(3);
    expect(result.config.milestones[0]!.count).toBe(EXPERIENCE_DEFAULTS.milestoneCount);
    expect(result.config.milestones[1]).toEqual({ id: 'invited-team', event: 'User Invited', where: { role: 'editor' }, count: 2, required: true });
    expect(result.config.checklists[0]!.steps[1]!.action).toEqual({ type: 'callback', name: 'openInvite' });
    expect(result.config.surveys[1]).toMatchObject({ sample: 100, delaySeconds: 5, recontactDays: 90, followUp: 'Why?' });
    expect(result.config.theme).toEqual(example.theme);
    expect(result.config.strings?.['zh-CN']).toEqual({ 'survey.send': '提交' });
  });

  it('accepts an empty object with default sections', () => {
    expect(parseExperienceConfig({})).toEqual({
      ok: true,
      warnings: [],
      config: { milestones: [], checklists: [], surveys: [], throttle: { globalDays: 14, snoozeDays: 7 }, theme: {} },
    });
  });

  it('warns about and drops unknown keys', () => {
    const result = parseExperienceConfig({ mileStones: [], theme: { colour: 'red' } });
    expect(result).toMatchObject({ ok: true, warnings: ['mileStones: unknown key ignored', 'theme.colour: unknown key ignored'] });
    if (result.ok) expect(result.config.theme).toEqual({});
  });

  it('rejects a non-object', () => {
    expect(errorsOf([])).toEqual(['config: must be an object, got []']);
    expect(errorsOf(null)).toEqual(['config: must be an object, got null']);
  });

  it('rejects javascript:, data: and disguised schemes in link actions', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x']) {
      expect(errorsOf(withChecklistStep({ id: 's', title: 'S', manual: true, action: { type: 'link', url } }))).toEqual([
        `checklists[0].steps[0].action.url: must be an http(s) or relative URL, got ${JSON.stringify(url)}`,
      ]);
    }
  });

  it('names the path of missing and mistyped fields', () => {
    expect(
      errorsOf({
        milestones: [{ id: 'm' }, { id: 'm', event: 'E', count: 0 }],
        checklists: [{ id: 'c', steps: [{ id: 's', title: 7, milestone: 'nope' }] }],
        surveys: [{ id: 's', kind: 'stars', sample: 150 }, { kind: 'nps' }],
        throttle: { globalDays: -1 },
        theme: { brand: 'red; } * { display: none', placement: 'middle', radius: '8px' },
        locale: 'english!',
      }),
    ).toEqual([
      'milestones[0].event: is required',
      'milestones[1].count: must be an integer from 1 to 1000000, got 0',
      'milestones[1].id: duplicate milestone id "m"',
      'checklists[0].title: is required',
      'checklists[0].steps[0].title: must be a non-empty string, got 7',
      'checklists[0].steps[0].milestone: refers to unknown milestone "nope"; add it to milestones',
      'surveys[0].kind: must be one of "nps", "csat", "ces", got "stars"',
      'surveys[0].sample: must be a number from 0 to 100, got 150',
      'surveys[1].id: is required',
      'throttle.globalDays: must be a number from 0 to 3650, got -1',
      'theme.brand: must be a CSS colour such as "#4f46e5" or "rgb(79 70 229)", got "red; } * { display: none"',
      'theme.radius: must be a number from 0 to 32, got "8px"',
      'theme.placement: must be one of "bottom-right", "bottom-left", "top-right", "top-left", got "middle"',
      'locale: is not a BCP 47 locale tag such as "en" or "zh-CN", got "english!"',
    ]);
  });

  it('rejects a step that can never complete', () => {
    expect(errorsOf(withChecklistStep({ id: 's', title: 'Read the docs', action: { type: 'link', url: '/docs' } }))).toEqual([
      'checklists[0].steps[0]: can never complete: give it a milestone or set manual: true',
    ]);
  });

  it('rejects empty checklists, duplicate steps and a bad action type', () => {
    expect(errorsOf({ checklists: [{ id: 'c', title: 'C', steps: [] }] })).toEqual(['checklists[0].steps: must have at least one step']);
    expect(
      errorsOf({
        checklists: [{ id: 'c', title: 'C', steps: [{ id: 'a', title: 'A', manual: true }, { id: 'a', title: 'B', manual: true, action: { type: 'eval' } }] }],
      }),
    ).toEqual(['checklists[0].steps[1].action.type: must be one of "link", "callback", got "eval"', 'checklists[0].steps[1].id: duplicate step id "a"']);
  });

  it('checks targeting', () => {
    expect(
      errorsOf({
        surveys: [{ id: 's', kind: 'nps', target: { minDaysSinceSignup: 30, maxDaysSinceSignup: 7, stage: ['trial'], userTraits: { plan: { nested: true } } } }],
      }),
    ).toEqual([
      'surveys[0].target.minDaysSinceSignup: must not exceed maxDaysSinceSignup (30 > 7)',
      'surveys[0].target.userTraits.plan: must be a string, number, boolean or null (or an array of them), got {"nested":true}',
      'surveys[0].target.stage[0]: must be one of "onboarding", "growth", "active", "renewal", got "trial"',
    ]);
  });

  it('checks follow-ups and strings', () => {
    expect(
      errorsOf({ surveys: [{ id: 's', kind: 'csat', followUp: { detractor: '' } }, { id: 't', kind: 'ces', followUp: 3 }], strings: { en: { 'survey.send': 1 } } }),
    ).toEqual([
      'surveys[0].followUp.detractor: must be a non-empty string, got ""',
      'surveys[1].followUp: must be an object, got 3',
      'strings.en["survey.send"]: must be a non-empty string, got 1',
    ]);
  });
});

describe('isSafeLinkUrl', () => {
  it('allows http(s), protocol-relative and relative URLs', () => {
    for (const url of ['https://acme.test/a?b#c', 'HTTP://acme.test', '//cdn.acme.test/x', '/settings', 'settings/team', '?tab=2', '#invite', '../up']) {
      expect(isSafeLinkUrl(url), url).toBe(true);
    }
  });

  it('refuses other schemes and control characters', () => {
    for (const url of ['javascript:void(0)', 'mailto:a@b.test', 'data:,x', 'jav\nascript:x', '', ' /x', 'file:///etc/passwd']) {
      expect(isSafeLinkUrl(url), url).toBe(false);
    }
  });
});
