import { COMPANY_FIRST, COMPANY_SECOND, FIRST_NAMES, LAST_NAMES, ROLES } from './demo-names.ts';
import type { Prng } from './prng.ts';

/** How an account's story goes, so the dashboard shows every kind of health. */
export type DemoProfile = 'thriving' | 'average' | 'declining' | 'never_activated' | 'detractor_heavy' | 'new';

/** A person at a demo account. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: string;
  /** When the user joined (epoch ms). */
  joinedAt: number;
  /** Relative activity of this person (0.3–1.6): some colleagues use the product far more. */
  engagement: number;
}

/** A demo customer account. */
export interface DemoAccount {
  id: string;
  name: string;
  plan: 'starter' | 'growth' | 'enterprise';
  mrr: number;
  tier: 'A' | 'B' | 'C';
  seats: number;
  profile: DemoProfile;
  signupAt: number;
  contractEndAt: number;
  users: DemoUser[];
}

const DAY = 86_400_000;

const PROFILES: readonly (readonly [DemoProfile, number])[] = [
  ['thriving', 24],
  ['average', 28],
  ['declining', 18],
  ['never_activated', 10],
  ['detractor_heavy', 12],
  ['new', 8],
];

const PLANS = {
  starter: { weight: 40, mrr: [200, 900], users: [3, 6] },
  growth: { weight: 45, mrr: [1_000, 4_500], users: [6, 14] },
  enterprise: { weight: 15, mrr: [5_000, 20_000], users: [14, 30] },
} as const;

const slug = (text: string) => text.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '');

/** Tier from MRR, the rule the demo's traits follow (also sent as an explicit `tier` trait). */
export const tierForMrr = (mrr: number): 'A' | 'B' | 'C' => (mrr >= 5_000 ? 'A' : mrr >= 1_000 ? 'B' : 'C');

/**
 * About `count` × 10 users in `count` accounts, with plans, MRR, tiers, signup and contract dates
 * (a quarter of established accounts renew within 90 days) and an outcome profile each.
 */
export function demoAccounts(random: Prng, now: number, count: number): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  for (let index = 0; index < count; index += 1) {
    const profile = random.weighted(PROFILES);
    const plan = random.weighted(Object.entries(PLANS).map(([name, p]) => [name as DemoAccount['plan'], p.weight] as const));
    const spec = PLANS[plan];
    const mrr = Math.round(random.int(spec.mrr[0], spec.mrr[1]) / 10) * 10;
    const first = COMPANY_FIRST[index % COMPANY_FIRST.length]!;
    const second = COMPANY_SECOND[Math.floor(index / COMPANY_FIRST.length) % COMPANY_SECOND.length]!;
    const name = `${first} ${second}`;
    const domain = `${slug(first)}${slug(second)}.example`;
    const signupDaysAgo = profile === 'new' ? random.int(2, 25) : profile === 'never_activated' ? random.int(35, 80) : random.int(60, 500);
    const signupAt = now - signupDaysAgo * DAY - random.int(0, DAY - 1);
    const renewsSoon = profile !== 'new' && random.chance(0.25);
    const contractEndAt = renewsSoon ? now + random.int(10, 85) * DAY : signupAt + Math.ceil((now - signupAt) / (365 * DAY) + 0.3) * 365 * DAY;
    const userCount = random.int(spec.users[0], spec.users[1]);
    const users: DemoUser[] = [];
    for (let u = 0; u < userCount; u += 1) {
      const firstName = random.pick(FIRST_NAMES);
      const lastName = random.pick(LAST_NAMES);
      // The founder signs up with the account; colleagues follow over its first weeks (or later).
      const joinDelay = u === 0 ? 0 : random.chance(0.7) ? random.int(0, 21) * DAY : random.int(0, Math.max(1, signupDaysAgo - 1)) * DAY;
      users.push({
        id: `usr_${String(index).padStart(3, '0')}_${String(u).padStart(2, '0')}`,
        name: `${firstName} ${lastName}`,
        email: `${slug(firstName)}.${slug(lastName)}${u}@${domain}`,
        role: u === 0 ? 'admin' : random.pick(ROLES),
        joinedAt: Math.min(now - 60_000, signupAt + joinDelay + random.int(0, 8) * 3_600_000),
        engagement: 0.3 + random.next() * 1.3,
      });
    }
    accounts.push({ id: `acct_${String(index).padStart(3, '0')}_${slug(first)}`, name, plan, mrr, tier: tierForMrr(mrr), seats: userCount + random.int(0, 5), profile, signupAt, contractEndAt, users });
  }
  return accounts;
}
