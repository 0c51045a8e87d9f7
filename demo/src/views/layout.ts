import type { AppContext } from '../app-context.ts';
import { h } from '../element.ts';
import type { Route } from '../router.ts';

const nav: { path: string; label: string; testId: string; routes: Route['name'][] }[] = [
  { path: '/', label: 'Projects', testId: 'nav-projects', routes: ['projects', 'board'] },
  { path: '/team', label: 'Team', testId: 'nav-team', routes: ['team'] },
  { path: '/settings', label: 'Settings', testId: 'nav-settings', routes: ['settings'] },
];

/** The app shell: brand, navigation (the current page marked for assistive tech), the user, `main` and the notice line. */
export function layout({ router, session }: AppContext, route: Route, main: HTMLElement, notice: string): HTMLElement {
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
    h('nav', { class: 'sidebar', 'aria-label': 'Main' }, h('ul', {}, ...links)),
    h('main', { id: 'main', class: 'content', tabindex: -1 }, main),
    h('p', { class: notice ? 'notice visible' : 'notice', role: 'status', 'data-testid': 'notice' }, notice),
  );
}
