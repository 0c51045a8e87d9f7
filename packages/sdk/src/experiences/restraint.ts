import type { Survey, Throttle } from '@cairn/protocol';
import type { UserState } from './user-state.ts';

const DAY = 864e5;
const within = (iso: string | undefined, days: number, now: number) => !!iso && now - Date.parse(iso) < days * DAY;

/**
 * Why a survey must not be shown now, or undefined when it may:
 * - `recontact`: answered within its `recontactDays`;
 * - `snoozed`: dismissed, or shown and left unanswered, within `throttle.snoozeDays`;
 * - `cap`: any prompt shown within `throttle.globalDays`.
 */
export function restraint(survey: Survey, s: UserState, throttle: Throttle, now: number): 'recontact' | 'snoozed' | 'cap' | undefined {
  const v = s.surveys[survey.id] ?? {};
  if (within(v.respondedAt, survey.recontactDays ?? 90, now)) return 'recontact';
  if (within(v.dismissedAt, throttle.snoozeDays, now) || within(v.shownAt, throttle.snoozeDays, now)) return 'snoozed';
  if (within(s.lastPromptAt, throttle.globalDays, now)) return 'cap';
  return undefined;
}
