import { isSafeLinkUrl } from '@cairn/protocol';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { CheckIcon, CloseIcon, MinimiseIcon } from './icons.tsx';
import type { Translate } from './locale.ts';
import type { Logger } from './logger.ts';
import type { ChecklistHandlers, ChecklistStepView, ChecklistView } from './views.ts';

export interface ChecklistProps {
  view: ChecklistView;
  handlers: ChecklistHandlers;
  t: Translate;
  logger: Logger;
  /** Move focus to the new main element (the mode changed while the user was in the widget). */
  takeFocus: boolean;
  doc: Document;
}

/** Opens links to other origins in a new tab, so the product the checklist guides stays open. */
function linkTarget(url: string, doc: Document): { target?: string; rel?: string } {
  try {
    return new URL(url, doc.baseURI).origin === new URL(doc.baseURI).origin ? {} : { target: '_blank', rel: 'noopener noreferrer' };
  } catch {
    return {};
  }
}

interface StepProps {
  step: ChecklistStepView;
  index: number;
  handlers: ChecklistHandlers;
  t: Translate;
  logger: Logger;
  doc: Document;
}

function Step({ step, index, handlers, t, logger, doc }: StepProps) {
  // Step ids may hold spaces, which would split an IDREF list, so the index names the element.
  const titleId = `cairn-step-${index}`;
  const { action } = step;
  const row = useRef<HTMLLIElement>(null);
  const title = useRef<HTMLParagraphElement>(null);
  // Rendering runs before the DOM changes: if focus is on a button this update removes
  // ("Mark as done" on a step now done), it goes to the step's title instead of the page.
  const root = row.current?.getRootNode() as ShadowRoot | undefined;
  const hadFocus = !!root?.activeElement && row.current!.contains(root.activeElement);
  useLayoutEffect(() => {
    if (hadFocus && !root?.activeElement) title.current?.focus();
  });
  let actionControl = null;
  if (!step.done && action?.type === 'link') {
    if (isSafeLinkUrl(action.url)) {
      actionControl = (
        <a class="btn" href={action.url} {...linkTarget(action.url, doc)} aria-describedby={titleId} onClick={() => handlers.onStepAction(step.id)}>
          {t('checklist.start')}
        </a>
      );
    } else {
      logger.warn(`Failed to render the link of step "${step.id}": ${JSON.stringify(action.url)} is not an http(s) or relative URL. Please fix the checklist config.`);
    }
  } else if (!step.done && action?.type === 'callback') {
    actionControl = (
      <button type="button" class="btn" aria-describedby={titleId} onClick={() => handlers.onStepAction(step.id)}>
        {t('checklist.start')}
      </button>
    );
  }
  return (
    <li ref={row} class="step" data-done={step.done || undefined}>
      <span class="mark" aria-hidden="true">
        {step.done && <CheckIcon />}
      </span>
      <div>
        <p ref={title} class="step-title" id={titleId} tabIndex={-1}>
          {step.title}
          <span class="sr"> ({step.done ? t('checklist.done') : t('checklist.todo')})</span>
        </p>
        {step.description && <p class="muted">{step.description}</p>}
        {(actionControl || (step.manual && !step.done)) && (
          <div class="actions">
            {actionControl}
            {step.manual && !step.done && (
              <button type="button" class="btn ghost" aria-describedby={titleId} onClick={() => handlers.onStepComplete(step.id)}>
                {t('checklist.markDone')}
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

/**
 * The onboarding checklist: a launcher with progress, the panel of steps (a labelled
 * region), a minimised button, and the completion moment. Escape in the panel minimises.
 */
export function Checklist({ view, handlers, t, logger, takeFocus, doc }: ChecklistProps) {
  // The launcher button or the panel heading, whichever is drawn.
  const focusTarget = useRef<HTMLButtonElement & HTMLHeadingElement>(null);
  const total = view.steps.length;
  const done = view.steps.filter((step) => step.done).length;
  const progress = t('checklist.progress', { done, total });
  const percent = total ? Math.round((done / total) * 100) : 0;

  useLayoutEffect(() => {
    if (takeFocus) focusTarget.current?.focus();
  }, [view, takeFocus]);

  if (view.mode !== 'open') {
    const mini = view.mode === 'minimised';
    return (
      <button
        ref={focusTarget}
        type="button"
        class={mini ? 'launcher mini' : 'launcher'}
        aria-expanded="false"
        aria-label={mini ? `${view.title}, ${progress}` : undefined}
        onClick={handlers.onOpen}
      >
        <span class="ring" aria-hidden="true" style={{ '--p': `${percent}%` }} />
        {!mini && <span>{view.title}</span>}
        {!mini && (
          <span class="count" aria-hidden="true">
            {done}/{total}
          </span>
        )}
        {!mini && <span class="sr">{progress}</span>}
      </button>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    handlers.onMinimise();
  };

  return (
    <section class="card checklist" aria-labelledby="cairn-cl-title" onKeyDown={onKeyDown}>
      <div class="tools">
        <button type="button" class="icon" aria-label={t('checklist.minimise')} aria-expanded="true" onClick={handlers.onMinimise}>
          <MinimiseIcon />
        </button>
        <button type="button" class="icon" aria-label={t('checklist.dismiss')} onClick={handlers.onDismiss}>
          <CloseIcon />
        </button>
      </div>
      <h2 id="cairn-cl-title" ref={focusTarget} tabIndex={-1}>
        {view.title}
      </h2>
      {view.description && <p class="muted">{view.description}</p>}
      <div class="bar" role="progressbar" aria-label={view.title} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={progress}>
        <span style={{ width: `${percent}%` }} />
      </div>
      <p class="muted" aria-hidden="true">
        {progress}
      </p>
      <div role="status">
        {view.justCompleted && (
          <div class="celebrate">
            <span class="burst" aria-hidden="true">
              🎉
            </span>
            <p>
              <strong>{t('checklist.complete')}</strong> {t('checklist.completeBody')}
            </p>
            <button type="button" class="btn" onClick={handlers.onDismiss}>
              {t('checklist.close')}
            </button>
          </div>
        )}
      </div>
      <ol class="steps">
        {view.steps.map((step, index) => (
          <Step key={step.id} step={step} index={index} handlers={handlers} t={t} logger={logger} doc={doc} />
        ))}
      </ol>
    </section>
  );
}
