/** In-memory state of the demo app: projects, their tasks, the team and the settings. */

export type TaskStatus = 'todo' | 'doing' | 'done';

export interface Task {
  id: string;
  projectId: string;
  title: string;
  status: TaskStatus;
}

export interface Project {
  id: string;
  name: string;
  description: string;
}

export interface Teammate {
  email: string;
  role: 'admin' | 'member' | 'viewer';
  status: 'active' | 'invited';
}

export interface Settings {
  weeklyDigest: boolean;
  timezone: string;
}

export interface State {
  projects: Project[];
  tasks: Task[];
  team: Teammate[];
  settings: Settings;
}

/** A store: read the state, change it through named actions, hear about changes. */
export interface Store {
  state(): Readonly<State>;
  addProject(name: string, description: string): Project;
  addTask(projectId: string, title: string): Task;
  moveTask(taskId: string, status: TaskStatus): Task | undefined;
  invite(email: string, role: Teammate['role']): Teammate;
  updateSettings(patch: Partial<Settings>): void;
  subscribe(listener: () => void): () => void;
}

/** The seeded workspace every visit starts with. */
export function seedState(): State {
  return {
    projects: [
      { id: 'website-relaunch', name: 'Website relaunch', description: 'New marketing site before the spring campaign.' },
      { id: 'q3-onboarding', name: 'Q3 onboarding', description: 'Welcome flow for the enterprise customers signed in Q3.' },
    ],
    tasks: [
      { id: 't1', projectId: 'website-relaunch', title: 'Draft the sitemap', status: 'done' },
      { id: 't2', projectId: 'website-relaunch', title: 'Pick a hero photo', status: 'doing' },
      { id: 't3', projectId: 'website-relaunch', title: 'Write the pricing page', status: 'todo' },
      { id: 't4', projectId: 'q3-onboarding', title: 'Interview three customers', status: 'todo' },
    ],
    team: [
      { email: 'ada@northwind.example', role: 'admin', status: 'active' },
      { email: 'grace@northwind.example', role: 'member', status: 'active' },
    ],
    settings: { weeklyDigest: true, timezone: 'Europe/London' },
  };
}

/** The empty workspace of a user who just signed up: no projects yet, only them in the team. */
export function freshState(ownerEmail: string): State {
  return {
    projects: [],
    tasks: [],
    team: [{ email: ownerEmail, role: 'admin', status: 'active' }],
    settings: { weeklyDigest: true, timezone: 'Europe/London' },
  };
}

/** A URL-safe id from a name, made unique among `taken`. */
export function slugify(name: string, taken: ReadonlySet<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** Creates a store over `initial` (the seed by default). */
export function createStore(initial: State = seedState()): Store {
  let state = initial;
  let nextTask = state.tasks.length + 1;
  const listeners = new Set<() => void>();
  const commit = (next: State) => {
    state = next;
    for (const listener of listeners) listener();
  };

  return {
    state: () => state,
    addProject(name, description) {
      const project = { id: slugify(name, new Set(state.projects.map((p) => p.id))), name, description };
      commit({ ...state, projects: [...state.projects, project] });
      return project;
    },
    addTask(projectId, title) {
      const task: Task = { id: `t${nextTask++}`, projectId, title, status: 'todo' };
      commit({ ...state, tasks: [...state.tasks, task] });
      return task;
    },
    moveTask(taskId, status) {
      const task = state.tasks.find((t) => t.id === taskId);
      if (!task) return undefined;
      const moved = { ...task, status };
      commit({ ...state, tasks: state.tasks.map((t) => (t.id === taskId ? moved : t)) });
      return moved;
    },
    invite(email, role) {
      const teammate: Teammate = { email, role, status: 'invited' };
      commit({ ...state, team: [...state.team.filter((t) => t.email !== email), teammate] });
      return teammate;
    },
    updateSettings(patch) {
      commit({ ...state, settings: { ...state.settings, ...patch } });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
