// Northwind Projects: a sample SaaS app that embeds Cairn through the snippet in index.html.
import './styles.css';
import type { AppContext } from './app-context.ts';
import { cairnFrom } from './cairn.ts';
import { createRouter, type Route } from './router.ts';
import { demoSession, loadSession, newUserSession, rememberedUserId, saveSession } from './session.ts';
import { loadState, saveState } from './saved-state.ts';
import { createStore, freshState } from './store.ts';
import { boardView } from './views/board-view.ts';
import { layout } from './views/layout.ts';
import { projectsView } from './views/projects-view.ts';
import { settingsView } from './views/settings-view.ts';
import { teamView } from './views/team-view.ts';
import { h } from './element.ts';

const titles: Record<Route['name'], string> = {
  projects: 'Projects',
  board: 'Board',
  team: 'Team',
  settings: 'Settings',
  'not-found': 'Not found',
};

function view(context: AppContext, route: Route): HTMLElement {
  switch (route.name) {
    case 'projects':
      return projectsView(context);
    case 'board':
      return boardView(context, route.params.projectId ?? '');
    case 'team':
      return teamView(context);
    case 'settings':
      return settingsView(context);
    default:
      return h('section', { class: 'view', 'data-testid': 'not-found' }, h('h1', {}, 'Page not found'),
        h('p', {}, h('a', { href: context.router.href('/'), 'data-link': true }, 'Go to projects')));
  }
}

function start(root: HTMLElement) {
  const storage = localStorageOrNothing();
  const before = rememberedUserId(storage);
  const session = loadSession(storage, location.search);
  const cairn = cairnFrom(window);
  // The demo has no server of its own: the workspace lives in this browser, per user. The
  // established customer starts with sample projects, a new user with an empty workspace.
  const store = createStore(loadState(storage, session.user.id) ?? (session === demoSession ? undefined : freshState(session.user.email)));
  store.subscribe(() => saveState(storage, session.user.id, store.state()));
  // A device link was opened: drop ?user= from the address bar, and let the SDK forget the previous user.
  if (new URLSearchParams(location.search).has('user')) history.replaceState(null, '', location.pathname);
  if (before && before !== session.user.id) cairn.reset();
  // While the onboarding checklist is open, the app makes room for it instead of hiding under it.
  cairn.on('checklist', (view) => document.body.classList.toggle('checklist-open', view?.mode === 'open'));

  // A real app knows who is signed in as it boots; these calls usually land in the snippet's stub.
  const { id: userId, ...userTraits } = session.user;
  cairn.identify(userId, userTraits);
  const { id: accountId, ...accountTraits } = session.account;
  cairn.group(accountId, accountTraits);

  let route: Route | undefined;
  let notice = '';
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const context: AppContext = {
    session,
    cairn,
    store,
    router: createRouter(import.meta.env.BASE_URL, (next) => show(next)),
    startAsNewUser() {
      cairn.reset();
      saveSession(storage, newUserSession());
      location.assign(context.router.href('/'));
    },
    deviceLink: () => `${location.origin}${context.router.href('/')}?user=${encodeURIComponent(session.user.id)}`,
    notify(message) {
      notice = message;
      render();
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(() => {
        notice = '';
        render();
      }, 4_000);
    },
  };
  const render = () => {
    if (route) root.replaceChildren(layout(context, route, view(context, route), notice));
  };
  const show = (next: Route) => {
    const changed = route?.name !== next.name || route.params.projectId !== next.params.projectId;
    route = next;
    document.title = `${titles[next.name]} · Northwind Projects`;
    render();
    if (changed) {
      cairn.page();
      document.getElementById('main')?.focus({ preventScroll: true });
    }
  };
  store.subscribe(render);
  show(context.router.current());
}

/** `localStorage`, or undefined where reading it throws (blocked storage). */
function localStorageOrNothing(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const root = document.getElementById('app');
if (root) start(root);
