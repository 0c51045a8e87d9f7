import type { AccountDetail, TimelineEntry } from '@cairn/protocol';
import { formatDate, formatDateTime } from './format.ts';
import { TIMELINE_KIND_LABELS } from './labels.ts';
import { Empty } from './status-message.tsx';

/** Milestones reached (required ones marked) and the account's events, newest first. */
export function AccountTimeline({ milestones, entries }: { milestones: AccountDetail['milestones']; entries: readonly TimelineEntry[] }) {
  const sorted = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <>
      <h3>Milestones reached</h3>
      {milestones.length === 0 ? (
        <Empty>No milestones reached yet.</Empty>
      ) : (
        <ul class="milestones">
          {milestones.map((milestone) => (
            <li key={milestone.milestone}>
              <span class="milestone-name">{milestone.milestone}</span>
              {milestone.required && <span class="tag">Required</span>}
              <time dateTime={milestone.reachedAt}>{formatDate(milestone.reachedAt)}</time>
            </li>
          ))}
        </ul>
      )}
      <h3>Timeline</h3>
      {sorted.length === 0 ? (
        <Empty>Nothing has happened on this account yet.</Empty>
      ) : (
        <ol class="timeline">
          {sorted.map((entry, index) => (
            <li key={`${entry.at}-${index}`} class={`timeline-${entry.kind}`}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              <span class="tag">{TIMELINE_KIND_LABELS[entry.kind] ?? entry.kind}</span>
              <span class="timeline-summary">{entry.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
