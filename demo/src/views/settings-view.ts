import type { AppContext } from '../app-context.ts';
import { h } from '../element.ts';
import { field } from './form-field.ts';

const timezones = ['Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Shanghai', 'Asia/Tokyo'];

/** Workspace settings: the weekly digest and the timezone, plus the account's plan. */
export function settingsView({ store, cairn, session, notify }: AppContext): HTMLElement {
  const { settings } = store.state();
  const digest = h('input', { type: 'checkbox', name: 'weeklyDigest', checked: settings.weeklyDigest, 'data-testid': 'settings-digest' });
  const timezone = h('select', { name: 'timezone', 'data-testid': 'settings-timezone' },
    ...timezones.map((zone) => h('option', { value: zone, selected: zone === settings.timezone }, zone)),
  );

  const form = h(
    'form',
    {
      class: 'card form',
      'data-testid': 'settings-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        store.updateSettings({ weeklyDigest: digest.checked, timezone: timezone.value });
        cairn.track('Settings Updated', { weeklyDigest: digest.checked, timezone: timezone.value });
        notify('Settings saved.');
      },
    },
    h('h2', {}, 'Notifications'),
    h('label', { class: 'check' }, digest, ' Email me a weekly project digest'),
    field('Timezone', timezone),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'settings-save' }, 'Save settings'),
  );

  const plan = h('section', { class: 'card', 'data-testid': 'plan-card' },
    h('h2', {}, 'Plan'),
    h('p', {}, `${session.account.name} is on the `, h('strong', {}, session.account.plan), ` plan with ${session.account.seats} seats.`),
    h('p', { class: 'small muted' }, `Renews on ${new Date(session.account.contractEnd).toLocaleDateString('en-GB', { dateStyle: 'long' })}.`),
  );

  return h('section', { class: 'view', 'data-testid': 'settings-view' }, h('h1', {}, 'Settings'), h('div', { class: 'split' }, form, plan));
}
