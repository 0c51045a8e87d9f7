/**
 * The experience config: milestones, onboarding checklists, surveys, throttling, theme and
 * strings. The collector validates its config file with `parseExperienceConfig`, serves
 * the result at `GET /v1/config`, and the SDK validates config passed to `init()` with the
 * same function, so both sides agree on one shape.
 *
 * All text in the config (titles, descriptions, questions) is plain text: the widgets
 * render it as text, never as HTML.
 *
 * Types and validator share this one file (past the usual ~400 lines) so that a field
 * cannot be added to one without the other.
 */
import type { Stage } from './csm-api.ts';
import { MAX_ID_LENGTH } from './limits.ts';
import { SURVEY_SCALES, type SurveyKind } from './reserved-events.ts';

/** A scalar a milestone's `where` or a trait filter compares against (strict equality). */
export type ConfigScalar = string | number | boolean | null;

/**
 * Who sees a checklist or survey. Every given condition must hold (AND); an absent
 * condition does not restrict.
 */
export interface Targeting {
  /** Show after the user tracked this event (any time before). */
  event?: string;
  /** Glob over the page URL path (and query): `*` matches any run of characters, e.g. `/app/*`. */
  url?: string;
  /** Days since the user's `createdAt` trait, at least. */
  minDaysSinceSignup?: number;
  /** Days since the user's `createdAt` trait, at most. */
  maxDaysSinceSignup?: number;
  /** User traits that must match; an array value means "any of". */
  userTraits?: Record<string, ConfigScalar | ConfigScalar[]>;
  /** Account (group) traits that must match; an array value means "any of". */
  accountTraits?: Record<string, ConfigScalar | ConfigScalar[]>;
  /** Lifecycle stages of the account in which to show. */
  stage?: Stage[];
}

/** An activation milestone: reached when `event` was tracked `count` times with matching properties. */
export interface Milestone {
  id: string;
  /** Human name for the dashboard; defaults to the id. */
  title?: string;
  /** Track event name that counts toward the milestone. */
  event: string;
  /** Event properties that must equal these values for the event to count. */
  where?: Record<string, ConfigScalar>;
  /** How many matching events reach the milestone (integer ≥ 1, default 1). */
  count?: number;
  /** Part of activation: an account is activated once every required milestone is reached. */
  required?: boolean;
}

/** What a step's button does: open a link (http(s) or relative only) or call a vendor callback. */
export type StepAction = { type: 'link'; url: string } | { type: 'callback'; name: string };

/** One step of a checklist. */
export interface ChecklistStep {
  id: string;
  title: string;
  description?: string;
  /** Milestone id whose reaching completes this step. */
  milestone?: string;
  action?: StepAction;
  /** The user may mark the step done by hand. */
  manual?: boolean;
}

/** An onboarding checklist. */
export interface Checklist {
  id: string;
  title: string;
  description?: string;
  steps: ChecklistStep[];
  target?: Targeting;
}

/** Score bands of a survey's follow-up question (NPS 0–6 / 7–8 / 9–10; see the widgets for CSAT and CES). */
export type ScoreBand = 'detractor' | 'passive' | 'promoter';

/** A follow-up question: one for every score, or one per score band. */
export type FollowUp = string | Partial<Record<ScoreBand, string>>;

/** An NPS, CSAT or CES survey. */
export interface Survey {
  id: string;
  kind: SurveyKind;
  /** Defaults to the localized standard question of the kind. */
  question?: string;
  followUp?: FollowUp;
  thankYou?: string;
  target?: Targeting;
  /** Percentage of eligible users who are asked, 0–100 (default 100). */
  sample?: number;
  /** Seconds to wait after the user became eligible (default 0). */
  delaySeconds?: number;
  /** Days before the same user is asked this survey again (default 90). */
  recontactDays?: number;
}

/** Limits on how often prompts appear. */
export interface Throttle {
  /** At most one prompt (survey) per this many days, across all surveys. */
  globalDays: number;
  /** Days a dismissed prompt stays away. */
  snoozeDays: number;
}

/** Corner the widgets sit in (physical, not mirrored for right-to-left locales). */
export type Placement = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** Look of the widgets. */
export interface Theme {
  /** Brand colour (any CSS colour: `#4f46e5`, `rgb(…)`, `hsl(…)`, a name). */
  brand?: string;
  /** Corner radius in px (0–32). */
  radius?: number;
  /** CSS font-family list. */
  font?: string;
  /** Colour scheme; `auto` follows `prefers-color-scheme` (default `auto`). */
  mode?: 'light' | 'dark' | 'auto';
  placement?: Placement;
  zIndex?: number;
}

/** A parsed, valid experience config. Top-level sections are always present. */
export interface ExperienceConfig {
  milestones: Milestone[];
  checklists: Checklist[];
  surveys: Survey[];
  throttle: Throttle;
  theme: Theme;
  /** Default locale of the widgets (BCP 47), before the user's trait and the browser's language. */
  locale?: string;
  /** Overrides of the widgets' strings, per locale: `{ "en": { "survey.send": "Submit" } }`. */
  strings?: Record<string, Record<string, string>>;
}

/** The result of `parseExperienceConfig`. Warnings name ignored unknown keys. */
export type ExperienceConfigResult =
  | { ok: true; config: ExperienceConfig; warnings: string[] }
  | { ok: false; errors: string[] };

/** Defaults applied where the config is silent. */
export const EXPERIENCE_DEFAULTS = {
  throttle: { globalDays: 14, snoozeDays: 7 } satisfies Throttle,
  survey: { sample: 100, delaySeconds: 0, recontactDays: 90 },
  milestoneCount: 1,
} as const;

/** The placements, in a runtime list (for validation). */
export const PLACEMENTS: readonly Placement[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];
const STAGES: readonly Stage[] = ['onboarding', 'growth', 'active', 'renewal'];
const MODES = ['light', 'dark', 'auto'] as const;
const MAX_TITLE = 200;
const MAX_TEXT = 2000;


/**
 * Whether a link may be rendered: http(s) URLs, protocol-relative and relative URLs only,
 * so a config cannot smuggle `javascript:`, `data:` or `vbscript:` links.
 */
export function isSafeLinkUrl(url: string): boolean {
  // Per the URL Standard, parsers strip leading/trailing C0 controls and spaces and remove tabs
  // and newlines anywhere, so "java\tscript:" is a scheme: reject control characters outright.
  // eslint-disable-next-line no-control-regex
  if (url.length === 0 || url.length > MAX_TEXT || /[\u0000-\u0020\u007f]/.test(url.trim()) || url !== url.trim()) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return scheme ? /^https?$/i.test(scheme[1]!) : true;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): value is ConfigScalar =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
// Keys that are not plain names (string keys such as "survey.send") are shown bracketed.
const join = (path: string, key: string): string =>
  /^[\w$-]+$/.test(key) ? (path ? `${path}.${key}` : key) : `${path || 'config'}[${JSON.stringify(key)}]`;
const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Collects errors and unknown-key warnings while walking the raw config. */
function createReader() {
  const errors: string[] = [];
  const warnings: string[] = [];
  const fail = (path: string, problem: string) => void errors.push(`${path || 'config'}: ${problem}`);

  /** Checks that `raw` is an object with only `known` keys (others are warned about and dropped). */
  const object = (raw: unknown, path: string, known: readonly string[]): Json | undefined => {
    if (!isObject(raw)) return void fail(path, `must be an object, got ${show(raw)}`);
    for (const key of Object.keys(raw)) {
      if (!known.includes(key)) warnings.push(`${join(path, key)}: unknown key ignored`);
    }
    return raw;
  };

  const string = (obj: Json, key: string, path: string, opts: { required?: boolean; max?: number } = {}): string | undefined => {
    const value = obj[key];
    if (value === undefined) return opts.required ? void fail(join(path, key), 'is required') : undefined;
    const max = opts.max ?? MAX_TEXT;
    if (typeof value !== 'string' || value.trim().length === 0) return void fail(join(path, key), `must be a non-empty string, got ${show(value)}`);
    if (value.length > max) return void fail(join(path, key), `must be at most ${max} characters, got ${value.length}`);
    return value;
  };

  const id = (obj: Json, path: string): string | undefined => string(obj, 'id', path, { required: true, max: MAX_ID_LENGTH });

  const number = (obj: Json, key: string, path: string, min: number, max: number, integer = false): number | undefined => {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      return void fail(join(path, key), `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${show(value)}`);
    }
    return value;
  };

  const boolean = (obj: Json, key: string, path: string): boolean | undefined => {
    const value = obj[key];
    if (value === undefined || typeof value === 'boolean') return value;
    return void fail(join(path, key), `must be true or false, got ${show(value)}`);
  };

  const oneOf = <T extends string>(obj: Json, key: string, path: string, allowed: readonly T[]): T | undefined => {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && allowed.includes(value as T)) return value as T;
    return void fail(join(path, key), `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${show(value)}`);
  };

  const array = (obj: Json, key: string, path: string): unknown[] => {
    const value = obj[key];
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    fail(join(path, key), `must be an array, got ${show(value)}`);
    return [];
  };

  /** Flags repeated ids among `items` (ids are the keys of events and state). */
  const unique = (items: { id?: string }[], path: string, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (item.id === undefined) return;
      if (seen.has(item.id)) fail(`${path}[${index}].id`, `duplicate ${what} id "${item.id}"`);
      seen.add(item.id);
    });
  };

  return { errors, warnings, fail, object, string, id, number, boolean, oneOf, array, unique };
}

type Reader = ReturnType<typeof createReader>;

function scalarMap(r: Reader, raw: unknown, path: string, allowLists: boolean): Record<string, ConfigScalar | ConfigScalar[]> | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) return void r.fail(path, `must be an object, got ${show(raw)}`);
  const out: Record<string, ConfigScalar | ConfigScalar[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (isScalar(value) || (allowLists && Array.isArray(value) && value.every(isScalar))) out[key] = value;
    else r.fail(join(path, key), `must be a string, number, boolean or null${allowLists ? ' (or an array of them)' : ''}, got ${show(value)}`);
  }
  return out;
}

function targeting(r: Reader, raw: unknown, path: string): Targeting | undefined {
  if (raw === undefined) return undefined;
  const obj = r.object(raw, path, ['event', 'url', 'minDaysSinceSignup', 'maxDaysSinceSignup', 'userTraits', 'accountTraits', 'stage']);
  if (!obj) return undefined;
  const out: Targeting = {};
  const event = r.string(obj, 'event', path, { max: MAX_ID_LENGTH });
  const url = r.string(obj, 'url', path);
  const minDays = r.number(obj, 'minDaysSinceSignup', path, 0, 36500);
  const maxDays = r.number(obj, 'maxDaysSinceSignup', path, 0, 36500);
  if (minDays !== undefined && maxDays !== undefined && minDays > maxDays) {
    r.fail(`${path}.minDaysSinceSignup`, `must not exceed maxDaysSinceSignup (${minDays} > ${maxDays})`);
  }
  const userTraits = scalarMap(r, obj.userTraits, `${path}.userTraits`, true);
  const accountTraits = scalarMap(r, obj.accountTraits, `${path}.accountTraits`, true);
  if (event !== undefined) out.event = event;
  if (url !== undefined) out.url = url;
  if (minDays !== undefined) out.minDaysSinceSignup = minDays;
  if (maxDays !== undefined) out.maxDaysSinceSignup = maxDays;
  if (userTraits) out.userTraits = userTraits;
  if (accountTraits) out.accountTraits = accountTraits;
  if (obj.stage !== undefined) {
    const stages = r.array(obj, 'stage', path);
    stages.forEach((stage, index) => {
      if (!STAGES.includes(stage as Stage)) r.fail(`${path}.stage[${index}]`, `must be one of ${STAGES.map((s) => `"${s}"`).join(', ')}, got ${show(stage)}`);
    });
    out.stage = stages.filter((stage): stage is Stage => STAGES.includes(stage as Stage));
  }
  return out;
}

function milestone(r: Reader, raw: unknown, path: string): Milestone | undefined {
  const obj = r.object(raw, path, ['id', 'title', 'event', 'where', 'count', 'required']);
  if (!obj) return undefined;
  const out: Milestone = { id: r.id(obj, path) ?? '', event: r.string(obj, 'event', path, { required: true, max: MAX_ID_LENGTH }) ?? '' };
  const title = r.string(obj, 'title', path, { max: MAX_TITLE });
  const where = scalarMap(r, obj.where, `${path}.where`, false) as Record<string, ConfigScalar> | undefined;
  const required = r.boolean(obj, 'required', path);
  if (title !== undefined) out.title = title;
  if (where) out.where = where;
  out.count = r.number(obj, 'count', path, 1, 1_000_000, true) ?? EXPERIENCE_DEFAULTS.milestoneCount;
  if (required !== undefined) out.required = required;
  return out;
}

function stepAction(r: Reader, raw: unknown, path: string): StepAction | undefined {
  if (raw === undefined) return undefined;
  const obj = r.object(raw, path, ['type', 'url', 'name']);
  if (!obj) return undefined;
  const type = r.oneOf(obj, 'type', path, ['link', 'callback'] as const);
  if (type === undefined && obj.type === undefined) return void r.fail(`${path}.type`, 'is required ("link" or "callback")');
  if (type === 'link') {
    const url = r.string(obj, 'url', path, { required: true });
    if (url === undefined) return undefined;
    if (!isSafeLinkUrl(url)) return void r.fail(`${path}.url`, `must be an http(s) or relative URL, got ${show(url)}`);
    return { type, url };
  }
  if (type === 'callback') {
    const name = r.string(obj, 'name', path, { required: true, max: MAX_ID_LENGTH });
    return name === undefined ? undefined : { type, name };
  }
  return undefined;
}

function checklist(r: Reader, raw: unknown, path: string, milestoneIds: Set<string>): Checklist | undefined {
  const obj = r.object(raw, path, ['id', 'title', 'description', 'steps', 'target']);
  if (!obj) return undefined;
  const out: Checklist = { id: r.id(obj, path) ?? '', title: r.string(obj, 'title', path, { required: true, max: MAX_TITLE }) ?? '', steps: [] };
  const description = r.string(obj, 'description', path);
  if (description !== undefined) out.description = description;
  if (obj.steps === undefined) r.fail(`${path}.steps`, 'is required');
  const steps = r.array(obj, 'steps', path);
  if (Array.isArray(obj.steps) && steps.length === 0) r.fail(`${path}.steps`, 'must have at least one step');
  steps.forEach((rawStep, index) => {
    const stepPath = `${path}.steps[${index}]`;
    const stepObj = r.object(rawStep, stepPath, ['id', 'title', 'description', 'milestone', 'action', 'manual']);
    if (!stepObj) return;
    const step: ChecklistStep = { id: r.id(stepObj, stepPath) ?? '', title: r.string(stepObj, 'title', stepPath, { required: true, max: MAX_TITLE }) ?? '' };
    const stepDescription = r.string(stepObj, 'description', stepPath);
    const milestoneId = r.string(stepObj, 'milestone', stepPath, { max: MAX_ID_LENGTH });
    const action = stepAction(r, stepObj.action, `${stepPath}.action`);
    const manual = r.boolean(stepObj, 'manual', stepPath);
    if (milestoneId !== undefined && !milestoneIds.has(milestoneId)) {
      r.fail(`${stepPath}.milestone`, `refers to unknown milestone "${milestoneId}"; add it to milestones`);
    }
    if (stepDescription !== undefined) step.description = stepDescription;
    if (milestoneId !== undefined) step.milestone = milestoneId;
    if (action) step.action = action;
    if (manual !== undefined) step.manual = manual;
    if (milestoneId === undefined && !manual) r.fail(stepPath, 'can never complete: give it a milestone or set manual: true');
    out.steps.push(step);
  });
  r.unique(out.steps, `${path}.steps`, 'step');
  const target = targeting(r, obj.target, `${path}.target`);
  if (target) out.target = target;
  return out;
}

function followUp(r: Reader, raw: unknown, path: string): FollowUp | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') {
    if (raw.trim().length > 0 && raw.length <= MAX_TEXT) return raw;
    return void r.fail(path, `must be a non-empty string of at most ${MAX_TEXT} characters, or an object of detractor/passive/promoter`);
  }
  const obj = r.object(raw, path, ['detractor', 'passive', 'promoter']);
  if (!obj) return undefined;
  const out: Partial<Record<ScoreBand, string>> = {};
  for (const band of ['detractor', 'passive', 'promoter'] as const) {
    const text = r.string(obj, band, path);
    if (text !== undefined) out[band] = text;
  }
  return out;
}

function survey(r: Reader, raw: unknown, path: string): Survey | undefined {
  const obj = r.object(raw, path, ['id', 'kind', 'question', 'followUp', 'thankYou', 'target', 'sample', 'delaySeconds', 'recontactDays']);
  if (!obj) return undefined;
  const kinds = Object.keys(SURVEY_SCALES) as SurveyKind[];
  const kind = r.oneOf(obj, 'kind', path, kinds);
  if (obj.kind === undefined) r.fail(`${path}.kind`, `is required (${kinds.map((k) => `"${k}"`).join(', ')})`);
  const out: Survey = { id: r.id(obj, path) ?? '', kind: kind ?? 'nps' };
  const question = r.string(obj, 'question', path);
  const follow = followUp(r, obj.followUp, `${path}.followUp`);
  const thankYou = r.string(obj, 'thankYou', path);
  const target = targeting(r, obj.target, `${path}.target`);
  if (question !== undefined) out.question = question;
  if (follow !== undefined) out.followUp = follow;
  if (thankYou !== undefined) out.thankYou = thankYou;
  if (target) out.target = target;
  out.sample = r.number(obj, 'sample', path, 0, 100) ?? EXPERIENCE_DEFAULTS.survey.sample;
  out.delaySeconds = r.number(obj, 'delaySeconds', path, 0, 86_400) ?? EXPERIENCE_DEFAULTS.survey.delaySeconds;
  out.recontactDays = r.number(obj, 'recontactDays', path, 0, 3650) ?? EXPERIENCE_DEFAULTS.survey.recontactDays;
  return out;
}

// A colour stays inside one CSS value: no `;`, braces, quotes, `url(` or escapes.
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\([-0-9.,%/ a-z]*\))$/i;
const FONT = /^[-\w\s,."']+$/;

function theme(r: Reader, raw: unknown, path: string): Theme {
  if (raw === undefined) return {};
  const obj = r.object(raw, path, ['brand', 'radius', 'font', 'mode', 'placement', 'zIndex']);
  if (!obj) return {};
  const out: Theme = {};
  const brand = r.string(obj, 'brand', path, { max: 100 });
  if (brand !== undefined && !COLOR.test(brand)) r.fail(`${path}.brand`, `must be a CSS colour such as "#4f46e5" or "rgb(79 70 229)", got ${show(brand)}`);
  else if (brand !== undefined) out.brand = brand;
  const font = r.string(obj, 'font', path, { max: 300 });
  if (font !== undefined && !FONT.test(font)) r.fail(`${path}.font`, `must be a CSS font-family list such as "Inter, sans-serif", got ${show(font)}`);
  else if (font !== undefined) out.font = font;
  const radius = r.number(obj, 'radius', path, 0, 32);
  const mode = r.oneOf(obj, 'mode', path, MODES);
  const placement = r.oneOf(obj, 'placement', path, PLACEMENTS);
  const zIndex = r.number(obj, 'zIndex', path, 0, 2_147_483_647, true);
  if (radius !== undefined) out.radius = radius;
  if (mode !== undefined) out.mode = mode;
  if (placement !== undefined) out.placement = placement;
  if (zIndex !== undefined) out.zIndex = zIndex;
  return out;
}

const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

function strings(r: Reader, raw: unknown, path: string): Record<string, Record<string, string>> | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) return void r.fail(path, `must be an object of locales, got ${show(raw)}`);
  const out: Record<string, Record<string, string>> = {};
  for (const [locale, table] of Object.entries(raw)) {
    if (!LOCALE.test(locale)) r.fail(`${path}.${locale}`, 'is not a BCP 47 locale tag such as "en" or "zh-CN"');
    if (!isObject(table)) {
      r.fail(`${path}.${locale}`, `must be an object of strings, got ${show(table)}`);
      continue;
    }
    out[locale] = {};
    for (const key of Object.keys(table)) {
      const text = r.string(table, key, `${path}.${locale}`);
      if (text !== undefined) out[locale][key] = text;
    }
  }
  return out;
}

/**
 * Validates a raw experience config (parsed JSON) and fills its defaults. Errors name the
 * path and the problem, e.g. `checklists[0].steps[1].action.url: must be an http(s) or
 * relative URL, got "javascript:alert(1)"`. Unknown keys are not errors (an older SDK
 * accepts a newer collector's config) but are reported as warnings and dropped.
 *
 * @example
 * const result = parseExperienceConfig(JSON.parse(text));
 * if (!result.ok) throw new Error(`Failed to load the config: ${result.errors.join('; ')}. Please fix the config file.`);
 */
export function parseExperienceConfig(raw: unknown): ExperienceConfigResult {
  const r = createReader();
  const obj = r.object(raw, '', ['milestones', 'checklists', 'surveys', 'throttle', 'theme', 'locale', 'strings']);
  if (!obj) return { ok: false, errors: r.errors };
  const config: ExperienceConfig = { milestones: [], checklists: [], surveys: [], throttle: { ...EXPERIENCE_DEFAULTS.throttle }, theme: {} };

  r.array(obj, 'milestones', '').forEach((item, index) => {
    const parsed = milestone(r, item, `milestones[${index}]`);
    if (parsed) config.milestones.push(parsed);
  });
  r.unique(config.milestones, 'milestones', 'milestone');
  const milestoneIds = new Set(config.milestones.map((m) => m.id));
  r.array(obj, 'checklists', '').forEach((item, index) => {
    const parsed = checklist(r, item, `checklists[${index}]`, milestoneIds);
    if (parsed) config.checklists.push(parsed);
  });
  r.unique(config.checklists, 'checklists', 'checklist');
  r.array(obj, 'surveys', '').forEach((item, index) => {
    const parsed = survey(r, item, `surveys[${index}]`);
    if (parsed) config.surveys.push(parsed);
  });
  r.unique(config.surveys, 'surveys', 'survey');

  if (obj.throttle !== undefined) {
    const throttle = r.object(obj.throttle, 'throttle', ['globalDays', 'snoozeDays']);
    if (throttle) {
      config.throttle.globalDays = r.number(throttle, 'globalDays', 'throttle', 0, 3650) ?? config.throttle.globalDays;
      config.throttle.snoozeDays = r.number(throttle, 'snoozeDays', 'throttle', 0, 3650) ?? config.throttle.snoozeDays;
    }
  }
  config.theme = theme(r, obj.theme, 'theme');
  const locale = r.string(obj, 'locale', '', { max: 35 });
  if (locale !== undefined && !LOCALE.test(locale)) r.fail('locale', `is not a BCP 47 locale tag such as "en" or "zh-CN", got ${show(locale)}`);
  else if (locale !== undefined) config.locale = locale;
  const table = strings(r, obj.strings, 'strings');
  if (table) config.strings = table;

  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, config, warnings: r.warnings };
}
