import type { AppContext } from '../app-context.ts';
import { h } from '../element.ts';
import { field, formError } from './form-field.ts';

/** The projects list, with progress per project and a form to create one. */
export function projectsView({ store, cairn, router }: AppContext): HTMLElement {
  const { projects, tasks } = store.state();

  const name = h('input', { name: 'name', required: true, maxlength: 80, placeholder: 'e.g. Customer portal', 'data-testid': 'new-project-name' });
  const description = h('textarea', { name: 'description', rows: 2, maxlength: 280, 'data-testid': 'new-project-description' });
  const error = formError('new-project-error');
  const form = h(
    'form',
    {
      class: 'card form',
      'data-testid': 'new-project-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const title = name.value.trim();
        if (!title) {
          error.textContent = 'Give the project a name.';
          return;
        }
        const project = store.addProject(title, description.value.trim());
        cairn.track('Project Created', { projectId: project.id, projectCount: store.state().projects.length });
        router.navigate(`/projects/${encodeURIComponent(project.id)}`);
      },
    },
    h('h2', {}, 'New project'),
    field('Name', name),
    field('Description', description, 'Optional. What does done look like?'),
    error,
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'create-project' }, 'Create project'),
  );

  const list = h(
    'ul',
    { class: 'project-list', 'data-testid': 'project-list' },
    ...projects.map((project) => {
      const own = tasks.filter((t) => t.projectId === project.id);
      const done = own.filter((t) => t.status === 'done').length;
      const percent = own.length ? Math.round((done / own.length) * 100) : 0;
      return h(
        'li',
        { class: 'card project-card', 'data-testid': `project-${project.id}` },
        h('a', { href: router.href(`/projects/${encodeURIComponent(project.id)}`), 'data-link': true, class: 'project-link' }, project.name),
        h('p', { class: 'muted' }, project.description || 'No description yet.'),
        h('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': percent, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-label': `${project.name} progress` },
          h('span', { style: `width: ${percent}%` }),
        ),
        h('p', { class: 'small' }, `${done} of ${own.length} tasks done`),
      );
    }),
  );

  const empty = h('p', { class: 'card muted', 'data-testid': 'no-projects' }, 'No projects yet. Create your first one to plan its tasks.');
  return h('section', { class: 'view', 'data-testid': 'projects-view' }, h('h1', {}, 'Projects'), projects.length ? h('div', { class: 'split' }, list, form) : h('div', { class: 'split' }, form, empty));
}
