/** The signed-in demo user and their account, as a real app would get them from its server. */
export interface Session {
  user: { id: string; name: string; email: string; role: string; createdAt: string };
  account: { id: string; name: string; plan: string; seats: number; tier: 'A' | 'B' | 'C'; createdAt: string; contractEnd: string };
}

/** The fixed demo session; stable ids so tests can query the collector by them. */
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
