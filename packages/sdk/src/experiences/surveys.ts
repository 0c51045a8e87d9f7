import { RESERVED_EVENTS, SURVEY_SCALES, type JsonObject, type Survey } from '@cairn/protocol';
import type { SurveyView } from '@cairn/widgets';
import type { EngineContext } from './engine-context.ts';
import { claimPrompt } from './prompt-lock.ts';
import { restraint } from './restraint.ts';
import { inSample } from './sample.ts';
import { matchesTarget } from './targeting.ts';
import type { UserState } from './user-state.ts';

const surveyView = (s: Survey): SurveyView => {
  const v: SurveyView = { id: s.id, kind: s.kind };
  if (s.question) v.question = s.question;
  if (s.followUp) v.followUp = s.followUp;
  if (s.thankYou) v.thankYou = s.thankYou;
  return v;
};

/**
 * Shows at most one survey at a time, in one tab of the origin: the first configured survey
 * whose targeting holds, whose sample includes the user and which restraint allows
 * (recontact days, snooze, global cap), after its delay. Rechecks everything after the delay
 * and again under the cross-tab claim, because another tab may have shown a prompt meanwhile.
 */
export function createSurveys(cx: EngineContext) {
  const { h } = cx;
  let current: { survey: Survey; release: () => void } | undefined;
  let busy = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const eligible = (sv: Survey, s: UserState) => {
    const id = h.client._identity();
    return (
      matchesTarget(sv.target, cx.target(s)) && inSample(id.userId ?? id.anonymousId, sv.id, sv.sample ?? 100) && !restraint(sv, s, cx.config.throttle, cx.now())
    );
  };

  const show = async (sv: Survey) => {
    busy = true;
    let release: (() => void) | undefined;
    try {
      if (!eligible(sv, cx.state())) return;
      // Load the widgets before claiming, so a chunk that fails to load never counts as shown.
      const headless = cx.headless(sv.id);
      const w = headless ? undefined : await cx.widgets();
      if (!headless && !w) return;
      release = await claimPrompt();
      // Read again under the claim: another tab may have shown a prompt while this one waited.
      if (!release || closed || !eligible(sv, cx.state())) return release?.();
      current = { survey: sv, release };
      const at = new Date(cx.now()).toISOString();
      cx.update((s) => {
        (s.surveys[sv.id] ??= {}).shownAt = at;
        s.lastPromptAt = at;
      });
      h.client.track(RESERVED_EVENTS.surveyShown, { surveyId: sv.id, kind: sv.kind });
      w?.showSurvey(surveyView(sv), { onRespond: (score, comment) => respond(sv.id, score, comment, true), onDismiss: () => dismiss(sv.id, true) });
      h.emit('survey', { survey: sv });
    } finally {
      busy = false;
    }
  };

  /** Ends the prompt on screen: frees the claim, and withdraws the widget unless it ended itself. */
  const end = (fromWidget: boolean) => {
    const drawn = current && !cx.headless(current.survey.id);
    current?.release();
    current = undefined;
    if (drawn && !fromWidget) void cx.widgets().then((w) => w?.hideSurvey());
  };

  const onScreen = (action: string, surveyId: string) => {
    if (current?.survey.id === surveyId) return current.survey;
    h.fail(action, `survey "${surveyId}" is not on screen`, "answer the survey passed to on('survey')");
  };

  function respond(surveyId: string, score: number, comment?: string, fromWidget = false) {
    const sv = onScreen('record the answer', surveyId);
    if (!sv) return;
    const { min, max } = SURVEY_SCALES[sv.kind];
    if (!Number.isInteger(score) || score < min || score > max) {
      return h.fail('record the answer', `score ${score} is not an integer from ${min} to ${max} (${sv.kind})`, 'pass a score on the scale');
    }
    const props: JsonObject = { surveyId, kind: sv.kind, score };
    if (typeof comment === 'string' && comment.trim()) props.comment = comment.trim().slice(0, 2000);
    h.client.track(RESERVED_EVENTS.surveyResponded, props);
    cx.update((s) => void ((s.surveys[surveyId] ??= {}).respondedAt = new Date(cx.now()).toISOString()));
    end(fromWidget);
  }

  function dismiss(surveyId: string, fromWidget = false): boolean {
    if (current?.survey.id !== surveyId) return false;
    h.client.track(RESERVED_EVENTS.surveyDismissed, { surveyId, kind: current.survey.kind });
    cx.update((s) => void ((s.surveys[surveyId] ??= {}).dismissedAt = new Date(cx.now()).toISOString()));
    end(fromWidget);
    return true;
  }

  return {
    respond: (surveyId: string, score: number, comment?: string) => respond(surveyId, score, comment),
    /** Dismisses the survey on screen; false when `id` is not it. */
    dismiss: (surveyId: string) => dismiss(surveyId),
    /** Looks for a survey to show now (after an event, a navigation, new traits or state). */
    evaluate() {
      if (current || busy || timer || closed) return;
      const s = cx.state();
      const sv = cx.config.surveys.find((x) => eligible(x, s));
      if (!sv) return;
      timer = setTimeout(() => {
        timer = undefined;
        void show(sv).catch((cause) => h.log.error('Failed to show a survey: it threw. Please report this bug.', cause));
      }, (sv.delaySeconds ?? 0) * 1000);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      current?.release();
      current = undefined;
    },
  };
}
