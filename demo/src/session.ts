/** The signed-in demo user and their account, as a real app would get them from its server. */
export interface Session {
  user: { id: string; name: string; email: string; role: string; createdAt: string };
  account: { id: string; name: string; plan: string; seats: number; tier: 'A' | 'B' | 'C'; createdAt: string; contractEnd: string };
}

/** The established demo customer: stable ids so tests and the seeded data can refer to them. */
export const demoSession: Session = {
  user: { id: 'user_ada', name: 'Ada Lovelace', email: 'ada@northwind.example', role: 'admin', createdAt: '2026-10-02T09:00:00.000Z' },
  account: {
    id: 'acct_northwind',
    name: 'Northwind Traders',
    plan: 'growth',
    seats: 12,
    tier: 'B',
    createdAt: '2026-10-01T08:30:00.000Z',
    contractEnd: '2027-10-01T00:00:00.000Z',
  },
};

const firstNames = ['Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Tim', 'Radia', 'Dennis', 'Barbara', 'Ken'];
const lastNames = ['Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Berners-Lee', 'Perlman', 'Ritchie', 'Liskov', 'Thompson'];
const companies = ['Bluebird Studio', 'Harbor Logistics', 'Juniper Health', 'Kestrel Labs', 'Maple & Co', 'Orbit Foods'];

// user_new_<signup time, base 36>_<6 random base-36 chars>: everything else is derived from it,
// so a link with the id alone signs in as the same user on another device.
const newUserId = /^user_new_([0-9a-z]{6,12})_([0-9a-z]{6})$/;

const pick = <T>(list: readonly T[], seed: number): T => list[seed % list.length] as T;

/** The session of a user made by {@link newUserSession}, or undefined for any other id. */
export function sessionFromUserId(id: string): Session | undefined {
  if (id === demoSession.user.id) return demoSession;
  const match = newUserId.exec(id);
  if (!match) return undefined;
  const [, time = '', tag = ''] = match;
  const created = new Date(parseInt(time, 36));
  if (Number.isNaN(created.getTime())) return undefined;
  const seed = parseInt(tag, 36);
  const first = pick(firstNames, seed);
  const last = pick(lastNames, Math.floor(seed / 10));
  const company = pick(companies, Math.floor(seed / 100));
  const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
  const renewal = new Date(created);
  renewal.setUTCFullYear(renewal.getUTCFullYear() + 1);
  return {
    user: { id, name: `${first} ${last}`, email: `${first.toLowerCase()}@${domain}`, role: 'admin', createdAt: created.toISOString() },
    account: {
      id: `acct_new_${time}_${tag}`,
      name: company,
      plan: 'growth',
      seats: 5,
      tier: 'C',
      createdAt: created.toISOString(),
      contractEnd: renewal.toISOString(),
    },
  };
}

/** A user who signs up now, in a new account of their own. */
export function newUserSession(now = Date.now(), random: () => number = Math.random): Session {
  const tag = Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
  return sessionFromUserId(`user_new_${now.toString(36)}_${tag}`) ?? demoSession;
}

/** Where the demo keeps who is signed in. */
export const SESSION_KEY = 'northwind-demo-user';

/**
 * Who is signed in: `?user=<id>` (a link from another device) wins and is remembered, then the
 * remembered user, then the established demo customer.
 */
export function loadSession(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, search: string): Session {
  const fromLink = new URLSearchParams(search).get('user');
  const linked = fromLink ? sessionFromUserId(fromLink) : undefined;
  try {
    if (linked) storage?.setItem(SESSION_KEY, linked.user.id);
    const remembered = storage?.getItem(SESSION_KEY);
    return linked ?? (remembered ? sessionFromUserId(remembered) : undefined) ?? demoSession;
  } catch {
    // Storage can be blocked (private modes, sandboxed frames): fall back to this visit only.
    return linked ?? demoSession;
  }
}

/** The id of the remembered user, if any (read before {@link loadSession} to notice a switch). */
export function rememberedUserId(storage: Pick<Storage, 'getItem'> | undefined): string | undefined {
  try {
    return storage?.getItem(SESSION_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Remembers `session` as the signed-in user (no-op where storage is blocked). */
export function saveSession(storage: Pick<Storage, 'setItem'> | undefined, session: Session): void {
  try {
    storage?.setItem(SESSION_KEY, session.user.id);
  } catch {
    // See loadSession.
  }
}
