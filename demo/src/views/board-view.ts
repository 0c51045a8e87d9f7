import type { AppContext } from '../app-context.ts';
import { h } from '../element.ts';
import type { Task, TaskStatus } from '../store.ts';
import { field, formError } from './form-field.ts';

const columns: { status: TaskStatus; title: string }[] = [
  { status: 'todo', title: 'To do' },
  { status: 'doing', title: 'In progress' },
  { status: 'done', title: 'Done' },
];

/** One project's board: tasks in three columns, a form to add one, and report sharing. */
export function boardView(context: AppContext, projectId: string): HTMLElement {
  const { store, cairn, router, notify } = context;
  const project = store.state().projects.find((p) => p.id === projectId);
  if (!project) {
    return h('section', { class: 'view', 'data-testid': 'board-missing' },
      h('h1', {}, 'Project not found'),
      h('p', {}, h('a', { href: router.href('/'), 'data-link': true }, 'Back to projects')),
    );
  }
  const tasks = store.state().tasks.filter((t) => t.projectId === project.id);

  const taskCard = (task: Task) => {
    const actions =
      task.status === 'todo'
        ? h('button', { class: 'ghost', 'data-testid': `start-${task.id}`, onclick: () => store.moveTask(task.id, 'doing') }, 'Start')
        : task.status === 'doing'
          ? h('button', {
              class: 'ghost',
              'data-testid': `complete-${task.id}`,
              onclick: () => {
                store.moveTask(task.id, 'done');
                cairn.track('Task Completed', { projectId: project.id, taskId: task.id });
              },
            }, 'Complete')
          : h('span', { class: 'badge', 'aria-label': 'completed' }, '✓');
    return h('li', { class: `task task-${task.status}`, 'data-testid': `task-${task.id}` }, h('span', { class: 'task-title' }, task.title), actions);
  };

  const title = h('input', { name: 'title', required: true, maxlength: 120, placeholder: 'What needs doing?', 'data-testid': 'new-task-title' });
  const error = formError('new-task-error');
  const form = h(
    'form',
    {
      class: 'inline-form',
      'data-testid': 'new-task-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const text = title.value.trim();
        if (!text) {
          error.textContent = 'Describe the task first.';
          return;
        }
        const task = store.addTask(project.id, text);
        cairn.track('Task Created', { projectId: project.id, taskId: task.id });
      },
    },
    field('New task', title),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'create-task' }, 'Add task'),
    error,
  );

  const share = h('button', {
    class: 'secondary',
    'data-testid': 'share-report',
    onclick: () => {
      const done = tasks.filter((t) => t.status === 'done').length;
      cairn.track('Report Shared', { projectId: project.id, channel: 'link', tasksDone: done, tasksTotal: tasks.length });
      notify(`Status report link for “${project.name}” copied.`);
    },
  }, 'Share status report');

  return h(
    'section',
    { class: 'view', 'data-testid': 'board-view' },
    h('p', { class: 'crumbs' }, h('a', { href: router.href('/'), 'data-link': true }, 'Projects'), ' / ', project.name),
    h('div', { class: 'view-head' }, h('h1', {}, project.name), share),
    form,
    h(
      'div',
      { class: 'board' },
      ...columns.map(({ status, title: heading }) => {
        const own = tasks.filter((t) => t.status === status);
        return h('section', { class: 'column', 'data-testid': `column-${status}`, 'aria-label': heading },
          h('h2', {}, heading, h('span', { class: 'count' }, own.length)),
          h('ul', { class: 'tasks' }, ...own.map(taskCard)),
        );
      }),
    ),
  );
}
