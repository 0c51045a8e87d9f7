// Word lists for the demo's fictional customers and their people (no real companies).

export const COMPANY_FIRST = [
  'Blue', 'Harbor', 'Juniper', 'Kestrel', 'Maple', 'Orbit', 'Granite', 'Silver', 'Cedar', 'Lumen', 'Northstar', 'Copper',
  'Summit', 'Willow', 'Atlas', 'Beacon', 'Coral', 'Delta', 'Ember', 'Falcon', 'Golden', 'Horizon', 'Iris', 'Jasper',
] as const;

export const COMPANY_SECOND = [
  'Logistics', 'Health', 'Labs', 'Foods', 'Studio', 'Analytics', 'Robotics', 'Energy', 'Capital', 'Media', 'Systems',
  'Works', 'Partners', 'Retail', 'Bio', 'Freight', 'Learning', 'Dynamics', 'Outdoors', 'Legal',
] as const;

export const FIRST_NAMES = [
  'Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Tim', 'Radia', 'Dennis', 'Barbara', 'Ken', 'Frances',
  'Edsger', 'Hedy', 'John', 'Sophie', 'Donald', 'Shafi', 'Leslie', 'Lynn', 'Guido', 'Anita', 'Bjarne', 'Karen',
  'Yukihiro', 'Adele', 'James', 'Mary', 'Niklaus', 'Joan', 'Ivan', 'Evelyn', 'Vint', 'Jean', 'Whitfield', 'Susan',
] as const;

export const LAST_NAMES = [
  'Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Berners-Lee', 'Perlman', 'Ritchie', 'Liskov',
  'Thompson', 'Allen', 'Dijkstra', 'Lamarr', 'McCarthy', 'Wilson', 'Knuth', 'Goldwasser', 'Lamport', 'Conway',
  'van Rossum', 'Borg', 'Stroustrup', 'Spärck Jones', 'Matsumoto', 'Goldberg', 'Gosling', 'Keller', 'Wirth', 'Clarke',
] as const;

export const ROLES = ['admin', 'manager', 'member', 'member', 'member', 'viewer'] as const;

export const PAGES = [
  { path: '/projects', title: 'Projects' },
  { path: '/board', title: 'Board' },
  { path: '/reports', title: 'Reports' },
  { path: '/team', title: 'Team' },
  { path: '/settings', title: 'Settings' },
] as const;

/** Survey comments by how the respondent felt. */
export const COMMENTS = {
  low: [
    'Reports take forever to load for our bigger projects.',
    'We lost a day of work when the board did not sync.',
    'Too expensive for what we actually use.',
    'Inviting people is confusing, half my team never got the email.',
    'Support took a week to answer.',
    'The new layout broke our workflow.',
  ],
  mid: [
    'Does the job, but the board gets cluttered.',
    'Good tool, would love a calendar view.',
    'Fine overall. Exports could be better.',
    'Works well once set up; onboarding was slow.',
  ],
  high: [
    'Sharing reports with clients saves me hours every week.',
    'The whole team actually uses it, which is a first.',
    'Simple, fast, and the board just works.',
    'Best project tool we have tried.',
    'Love the weekly digest.',
  ],
} as const;
