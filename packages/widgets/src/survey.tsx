import { SURVEY_SCALES } from '@cairn/protocol';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CloseIcon } from './icons.tsx';
import type { Translate } from './locale.ts';
import { ScoreScale } from './score-scale.tsx';
import { followUpFor } from './score-band.ts';
import type { SurveyHandlers, SurveyView } from './views.ts';

export interface SurveyProps {
  view: SurveyView;
  handlers: SurveyHandlers;
  t: Translate;
  rtl: boolean;
  /** Milliseconds the thank-you stays; 0 keeps it until closed. */
  thankYouMs: number;
  /** Takes the survey off the screen (after a dismissal or the thank-you). */
  remove(): void;
}

/**
 * An NPS, CSAT or CES prompt as a non-modal dialog. It does not take focus when it
 * appears; choosing a score reveals the follow-up question and moves focus into it;
 * Escape dismisses.
 */
export function Survey({ view, handlers, t, rtl, thankYouMs, remove }: SurveyProps) {
  const { min, max } = SURVEY_SCALES[view.kind];
  const [score, setScore] = useState<number | null>(null);
  const [sent, setSent] = useState(false);
  const focusNext = useRef<'comment' | 'thanks' | null>(null);
  const comment = useRef<HTMLTextAreaElement>(null);
  const thanks = useRef<HTMLParagraphElement>(null);
  const card = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const target = focusNext.current === 'comment' ? comment.current : focusNext.current === 'thanks' ? thanks.current : null;
    focusNext.current = null;
    target?.focus();
  });

  useEffect(() => {
    if (!sent || thankYouMs <= 0) return;
    const timer = setTimeout(close, thankYouMs);
    return () => clearTimeout(timer);
  }, [sent]);

  function close() {
    remove();
    handlers.onClose?.();
  }

  const dismiss = () => {
    if (sent) return close();
    remove();
    handlers.onDismiss();
  };

  const choose = (value: number, chosen: boolean) => {
    // Choosing the score that arrow keys already checked changes no state: focus right away.
    if (chosen && value === score) comment.current?.focus();
    else if (chosen) focusNext.current = 'comment';
    setScore(value);
  };

  const send = (event: Event) => {
    event.preventDefault();
    if (score === null) return;
    const text = comment.current?.value.trim();
    // Only move focus to the thank-you if the user is still in the survey.
    const active = (card.current?.getRootNode() as ShadowRoot | undefined)?.activeElement;
    if (active && card.current?.contains(active)) focusNext.current = 'thanks';
    setSent(true);
    handlers.onRespond(score, text ? text : undefined);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    dismiss();
  };

  return (
    <div ref={card} class="card survey" role="dialog" aria-modal="false" aria-labelledby="cairn-q" onKeyDown={onKeyDown}>
      <div class="tools">
        <button type="button" class="icon" aria-label={sent ? t('survey.close') : t('survey.dismiss')} onClick={dismiss}>
          <CloseIcon />
        </button>
      </div>
      {sent ? (
        <div class="thanks">
          <h2 id="cairn-q" class="sr">
            {view.question ?? t(`${view.kind}.question`)}
          </h2>
          <p ref={thanks} tabIndex={-1} role="status">
            {view.thankYou ?? t('survey.thankYou')}
          </p>
        </div>
      ) : (
        <form onSubmit={send}>
          <h2 id="cairn-q">{view.question ?? t(`${view.kind}.question`)}</h2>
          <ScoreScale min={min} max={max} value={score} onChange={choose} labelledBy="cairn-q" describedBy="cairn-ends" rtl={rtl} />
          <div class="ends muted" id="cairn-ends">
            <span>
              {min} = {t(`${view.kind}.low`)}
            </span>
            <span>
              {max} = {t(`${view.kind}.high`)}
            </span>
          </div>
          {score !== null && (
            <div class="follow">
              <label for="cairn-comment">
                {followUpFor(view.followUp, view.kind, score, t)} <span class="muted">{t('survey.optional')}</span>
              </label>
              <textarea id="cairn-comment" ref={comment} rows={3} maxLength={2000} />
              <button type="submit" class="btn">
                {t('survey.send')}
              </button>
            </div>
          )}
        </form>
      )}
    </div>
  );
}
