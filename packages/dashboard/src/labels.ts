import type { Band, RiskFlag, Stage, TimelineEntry } from '@cairn/protocol';

/** Words a CSM reads for each risk flag. */
export const FLAG_LABELS: Record<RiskFlag, string> = {
  not_activated_day_30: 'Not activated by day 30',
  detractor_90d: 'Detractor in last 90 days',
  usage_drop: 'Usage down 50%+',
  inactive_14d: 'Inactive 14 days',
  red_in_renewal: 'Red in renewal window',
  no_experience_data: 'No experience data',
};

export const BAND_LABELS: Record<Band, string> = { red: 'Red', yellow: 'Yellow', green: 'Green' };

export const STAGE_LABELS: Record<Stage, string> = {
  onboarding: 'Onboarding',
  growth: 'Growth',
  active: 'Active',
  renewal: 'Renewal',
};

export const TIMELINE_KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  milestone: 'Milestone',
  survey_response: 'Survey response',
  stage_change: 'Stage change',
  band_change: 'Band change',
  flag_raised: 'Flag raised',
};

/** Label of a flag, or the raw code for one added to the collector after this build. */
export function flagLabel(flag: string): string {
  return FLAG_LABELS[flag as RiskFlag] ?? flag.replace(/_/g, ' ');
}
