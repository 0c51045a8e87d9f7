import type { AccountFacts } from './account-facts.ts';
import { DAY_MS } from './days.ts';

/** The fixed "now" of the health tests: Monday 2026-11-23, noon UTC. */
export const NOW = new Date('2026-11-23T12:00:00.000Z');

/** The ISO instant `days` before NOW (negative: after). */
export function ago(days: number): string {
  return new Date(NOW.getTime() - days * DAY_MS).toISOString();
}

/** Facts of an account with nothing known, overridden field by field (tests only). */
export function buildFacts(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    accountId: 'acme',
    traits: {},
    signupAt: null,
    contractEndAt: null,
    milestones: [],
    activity: {},
    responses: [],
    knownUsers: 0,
    lastSeenAt: null,
    ...overrides,
  };
}
