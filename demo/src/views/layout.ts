import type { AppContext } from '../app-context.ts';
import { h } from '../element.ts';
import type { Route } from '../router.ts';
import { demoSession } from '../session.ts';

const nav: { path: string; label: string; testId: string; routes: Route['name'][] }[] = [
  { path: '/', label: 'Projects', testId: 'nav-projects', routes: ['projects', 'board'] },
  { path: '/team', label: 'Team', testId: 'nav-team', routes: ['team'] },
  { path: '/settings', label: 'Settings', testId: 'nav-settings', routes: ['settings'] },
];

/**
 * Demo-only controls: become a user who signs up now (to meet the onboarding checklist), open
 * the same user in another browser, or go back to the established customer.
 */
function demoPanel({ session, router, startAsNewUser, deviceLink }: AppContext): HTMLElement {
  const since = new Date(session.user.createdAt).toLocaleDateString('en-GB', { dateStyle: 'medium' });
  return h(
    'aside',
    { class: 'demo-panel', 'aria-labelledby': 'demo-panel-title', 'data-testid': 'demo-panel' },
    h('h2', { id: 'demo-panel-title' }, 'Demo'),
    h('p', { class: 'small' }, `Signed in as ${session.user.name}, signed up ${since}.`),
    h('button', { type: 'button', class: 'secondary', 'data-testid': 'new-user', onclick: startAsNewUser }, 'Start as a new user'),
    h('p', { class: 'small' }, h('a', { href: deviceLink(), 'data-testid': 'device-link' }, 'Link to continue on another device')),
    session.user.id === demoSession.user.id
      ? null
      : h('p', { class: 'small' }, h('a', { href: `${router.href('/')}?user=${demoSession.user.id}`, 'data-testid': 'back-to-ada' }, `Back to ${demoSession.user.name}`)),
  );
}

/** The app shell: brand, navigation (the current page marked for assistive tech), the user, `main` and the notice line. */
export function layout(context: AppContext, route: Route, main: HTMLElement, notice: string): HTMLElement {
  const { router, session } = context;
  const links = nav.map((item) =>
    h('li', {}, h('a', {
      href: router.href(item.path),
      'data-link': true,
      'data-testid': item.testId,
      'aria-current': item.routes.includes(route.name) ? 'page' : undefined,
    }, item.label)),
  );
  const initials = session.user.name.split(' ').map((part) => part[0] ?? '').join('');
  return h(
    'div',
    { class: 'shell' },
    h('header', { class: 'topbar' },
      h('a', { class: 'brand', href: router.href('/'), 'data-link': true }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◆'), 'Northwind Projects'),
      h('div', { class: 'who', 'data-testid': 'current-user' },
        h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials),
        h('span', {}, session.user.name, h('span', { class: 'muted small' }, ` · ${session.account.name}`)),
      ),
    ),
    h('div', { class: 'side' }, h('nav', { class: 'sidebar', 'aria-label': 'Main' }, h('ul', {}, ...links)), demoPanel(context)),
    h('main', { id: 'main', class: 'content', tabindex: -1 }, main),
    h('p', { class: notice ? 'notice visible' : 'notice', role: 'status', 'data-testid': 'notice' }, notice),
  );
}
