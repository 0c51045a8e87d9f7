import type { JsonObject, Stage } from '@cairn/protocol';
import type { Identity } from '../identity.ts';

const DAY = 864e5;
const STAGES: readonly string[] = ['onboarding', 'growth', 'active', 'renewal'];
// Same defaults as the collector's health model (DESIGN.md): activation window 30 days, renewal window 90.
const ACTIVATION_DAYS = 30;
const RENEWAL_DAYS = 90;

const time = (v: unknown): number | undefined => {
  const t = typeof v === 'string' || typeof v === 'number' ? new Date(v).getTime() : NaN;
  return Number.isFinite(t) ? t : undefined;
};
const signupOf = (traits: JsonObject) => time(traits.createdAt) ?? time(traits.signupAt);

/** The signup time (ms): the user's `createdAt`/`signupAt` trait, else the account's. */
export const signupAt = (id: Identity): number | undefined => signupOf(id.traits) ?? signupOf(id.groupTraits);

/** Days since signup (fractional), undefined when no signup trait is known. */
export function daysSinceSignup(id: Identity, now: number): number | undefined {
  const at = signupAt(id);
  return at === undefined ? undefined : (now - at) / DAY;
}

/** What the engine knows about activation when it computes the stage. */
export interface Progress {
  activated: boolean;
  /** Every configured milestone reached. */
  adopted: boolean;
}

/**
 * The lifecycle stage: the account's (then the user's) `stage` trait when set, else computed
 * like the collector does: `renewal` within 90 days of the account's `contractEndAt`,
 * `onboarding` until activated (at most 30 days after signup), `active` once every milestone is
 * reached, `growth` otherwise.
 */
export function stageOf(id: Identity, p: Progress, now: number): Stage {
  for (const s of [id.groupTraits.stage, id.traits.stage]) if (typeof s === 'string' && STAGES.includes(s)) return s as Stage;
  const end = time(id.groupTraits.contractEndAt);
  if (end !== undefined && (end - now) / DAY <= RENEWAL_DAYS) return 'renewal';
  const days = daysSinceSignup(id, now);
  if (!p.activated && (days === undefined || days < ACTIVATION_DAYS)) return 'onboarding';
  return p.adopted ? 'active' : 'growth';
}

/** Days from signup to activation, rounded to two decimals; undefined without a signup trait. */
export function timeToValueDays(id: Identity, activatedAt: string): number | undefined {
  const at = signupAt(id);
  return at === undefined ? undefined : Math.round(((Date.parse(activatedAt) - at) / DAY) * 100) / 100;
}
