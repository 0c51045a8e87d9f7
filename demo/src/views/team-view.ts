import type { AppContext } from '../app-context.ts';
import { h } from '../element.ts';
import type { Teammate } from '../store.ts';
import { field, formError } from './form-field.ts';

// Deliberately loose: the browser's own type=email check runs first; this only guards the event.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The team: who is in the workspace and a form to invite a teammate. */
export function teamView({ store, cairn, session, notify }: AppContext): HTMLElement {
  const { team } = store.state();
  const email = h('input', { type: 'email', name: 'email', required: true, placeholder: 'name@company.com', 'data-testid': 'invite-email' });
  const role = h('select', { name: 'role', 'data-testid': 'invite-role' },
    h('option', { value: 'member' }, 'Member'),
    h('option', { value: 'admin' }, 'Admin'),
    h('option', { value: 'viewer' }, 'Viewer'),
  );
  const error = formError('invite-error');

  const form = h(
    'form',
    {
      class: 'card form',
      'data-testid': 'invite-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const address = email.value.trim().toLowerCase();
        if (!emailPattern.test(address)) {
          error.textContent = 'Enter a valid email address.';
          return;
        }
        const invited = store.invite(address, role.value as Teammate['role']);
        cairn.track('Teammate Invited', { role: invited.role, teamSize: store.state().team.length, seats: session.account.seats });
        notify(`Invitation sent to ${invited.email}.`);
      },
    },
    h('h2', {}, 'Invite a teammate'),
    field('Email', email),
    field('Role', role),
    error,
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'invite-submit' }, 'Send invite'),
  );

  const rows = team.map((member) =>
    h('tr', { 'data-testid': `member-${member.email}` },
      h('td', {}, member.email),
      h('td', {}, member.role),
      h('td', {}, h('span', { class: `badge badge-${member.status}` }, member.status)),
    ),
  );
  const table = h('table', { class: 'card table', 'data-testid': 'team-table' },
    h('caption', {}, `${team.length} of ${session.account.seats} seats used`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Email'), h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Status'))),
    h('tbody', {}, ...rows),
  );

  return h('section', { class: 'view', 'data-testid': 'team-view' }, h('h1', {}, 'Team'), h('div', { class: 'split' }, table, form));
}
