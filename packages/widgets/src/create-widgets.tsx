import { PLACEMENTS } from '@cairn/protocol';
import { render } from 'preact';
import { adoptStyles } from './adopt-styles.ts';
import { guardHandlers } from './guard-handlers.ts';
import { Checklist } from './checklist.tsx';
import { trackFocusReturn } from './focus-return.ts';
import { createTranslate, isRtl, resolveLocale } from './locale.ts';
import { createLogger } from './logger.ts';
import { DEFAULT_STRINGS } from './strings.ts';
import { CSS } from './styles.ts';
import { Survey } from './survey.tsx';
import { themeStyle } from './theme-style.ts';
import type { ChecklistHandlers, ChecklistView, SurveyHandlers, SurveyView, Widgets, WidgetsOptions } from './views.ts';
import { watchViewport } from './viewport-lift.ts';

interface ChecklistState {
  view: ChecklistView;
  handlers: ChecklistHandlers;
  takeFocus: boolean;
}

interface SurveyState {
  view: SurveyView;
  handlers: SurveyHandlers;
  key: number;
}

/**
 * Mounts the widgets: one `<cairn-widgets>` element at the end of the body, with an open
 * shadow root that holds their styles and markup, isolated from the page's CSS. The widgets
 * draw what the SDK hands them and call back; they keep no state beyond the current input.
 * Nothing appears until `renderChecklist` or `showSurvey` is called.
 *
 * @example
 * const widgets = createWidgets({ theme: config.theme, locale: user.locale, strings: config.strings });
 * widgets.showSurvey({ id: 'nps-q', kind: 'nps' }, { onRespond: (score, comment) => …, onDismiss: () => … });
 */
export function createWidgets(options: WidgetsOptions = {}): Widgets {
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  const logger = options.logger ?? createLogger();
  const strings = options.strings ?? {};
  const theme = options.theme ?? {};
  const locale = resolveLocale([options.locale, ...(win.navigator?.languages ?? [])], [...Object.keys(strings), ...Object.keys(DEFAULT_STRINGS)]);
  const rtl = isRtl(locale);
  const t = createTranslate(locale, strings);
  const thankYouMs = (options.thankYouSeconds ?? 6) * 1000;

  const host = doc.createElement('cairn-widgets');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, CSS, options.nonce);
  const root = doc.createElement('div');
  root.className = 'root';
  root.dir = rtl ? 'rtl' : 'ltr';
  root.lang = locale;
  root.dataset.mode = theme.mode ?? 'auto';
  root.dataset.place = theme.placement && PLACEMENTS.includes(theme.placement) ? theme.placement : 'bottom-right';
  shadow.append(root);
  (doc.body ?? doc.documentElement).append(host);

  const resolveColor = (color: string) => {
    const probe = doc.createElement('span');
    probe.style.color = color;
    root.append(probe);
    const computed = win.getComputedStyle(probe).color;
    probe.remove();
    return computed;
  };
  for (const [name, value] of Object.entries(themeStyle(theme, win, resolveColor))) root.style.setProperty(name, value);
  const stopViewport = watchViewport(win, (inset) => root.style.setProperty('--kb', `${inset}px`));

  // The widgets hold no state of their own beyond the current input (the SDK owns it), so
  // each API call draws synchronously: no reactive layer (@preact/signals would cost 2.8 KB
  // gzip of the 16 KB budget for nothing here), and the DOM is up to date when a call returns.
  let checklist: ChecklistState | null = null;
  let survey: SurveyState | null = null;
  const focus = trackFocusReturn(shadow);
  let surveyKey = 0;
  let destroyed = false;

  /** Draws the current state; if the user was in a part that went away, focus returns. */
  const draw = (hadFocus = false) => {
    render(
      <div class="dock">
        {survey && (
          <Survey
            key={survey.key}
            view={survey.view}
            handlers={survey.handlers}
            t={t}
            rtl={rtl}
            thankYouMs={thankYouMs}
            remove={removeSurvey.bind(null, survey.key)}
          />
        )}
        {checklist && (
          <Checklist view={checklist.view} handlers={checklist.handlers} t={t} logger={logger} takeFocus={checklist.takeFocus} doc={doc} />
        )}
      </div>,
      root,
    );
    if (hadFocus) focus.restore(shadow.querySelector<HTMLElement>('.launcher'));
  };

  function removeSurvey(key?: number) {
    if (!survey || (key !== undefined && survey.key !== key)) return;
    const hadFocus = focus.inside();
    survey = null;
    draw(hadFocus);
  }

  return {
    locale,
    host,
    renderChecklist(view, handlers) {
      if (destroyed) return;
      const previous = checklist;
      if (!view) {
        if (!previous) return;
        const hadFocus = focus.inside();
        checklist = null;
        return draw(hadFocus);
      }
      const guarded = handlers ? guardHandlers(handlers, logger) : previous?.handlers;
      if (!guarded) {
        logger.error('Failed to render the checklist: no handlers were given. Please pass handlers with the first view.');
        return;
      }
      // Move focus along with a mode change only if the user is in the checklist (keyboard or click).
      const inChecklist = !!shadow.activeElement?.closest('.launcher, .checklist');
      const takeFocus = !!previous && previous.view.mode !== view.mode && inChecklist;
      checklist = { view, handlers: guarded, takeFocus };
      draw();
    },
    showSurvey(view, handlers) {
      if (destroyed) return;
      const hadFocus = !!survey && focus.inside();
      survey = { view, handlers: guardHandlers(handlers, logger), key: ++surveyKey };
      draw(hadFocus);
    },
    hideSurvey: () => removeSurvey(),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      const hadFocus = focus.inside();
      render(null, root);
      stopViewport();
      focus.stop();
      host.remove();
      if (hadFocus) focus.restore();
    },
  };
}
