import { RESERVED_EVENTS } from '@cairn/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql as indexSql } from '../db/migrations/0002-experience-state-index.ts';
import { backends } from '../test-support/databases.ts';
import { foldStateRows, STATE_EVENTS, stateSql, type StateRow } from './user-experience-state.ts';

const row = (event: string, ids: Partial<StateRow>, first: string, last = first): StateRow => ({
  event,
  milestone: null,
  checklist_id: null,
  step_id: null,
  survey_id: null,
  ...ids,
  first_at: new Date(first),
  last_at: last,
});

describe('foldStateRows', () => {
  it('keeps the first time of progress and the latest of shown, answered and dismissed, across groups', () => {
    const R = RESERVED_EVENTS;
    const state = foldStateRows([
      // The same milestone in two groups (different other properties): the earlier wins.
      row(R.milestoneReached, { milestone: 'm' }, '2026-01-02T00:00:00.000Z'),
      row(R.milestoneReached, { milestone: 'm', checklist_id: 'odd' }, '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z'),
      row(R.checklistStepCompleted, { checklist_id: 'c', step_id: 's' }, '2026-01-03T00:00:00.000Z', '2026-01-09T00:00:00.000Z'),
      row(R.checklistStepCompleted, { checklist_id: 'c' }, '2026-01-03T00:00:00.000Z'), // no step id: ignored
      row(R.checklistCompleted, { checklist_id: 'c' }, '2026-01-04T00:00:00.000Z', '2026-01-08T00:00:00.000Z'),
      row(R.checklistDismissed, { checklist_id: 'c' }, '2026-01-04T00:00:00.000Z', '2026-01-07T00:00:00.000Z'),
      row(R.surveyShown, { survey_id: 'a' }, '2026-01-01T00:00:00.000Z', '2026-01-06T00:00:00.000Z'),
      row(R.surveyShown, { survey_id: 'b' }, '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'),
      row(R.surveyResponded, { survey_id: 'a' }, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
      row(R.surveyDismissed, { survey_id: 'b' }, '2026-01-01T00:00:00.000Z', '2026-01-04T00:00:00.000Z'),
      row(R.surveyDismissed, { survey_id: '' }, '2026-01-01T00:00:00.000Z'), // empty id: ignored
    ]);
    expect(state).toEqual({
      milestones: { m: '2026-01-01T00:00:00.000Z' },
      checklists: { c: { completedSteps: { s: '2026-01-03T00:00:00.000Z' }, completedAt: '2026-01-04T00:00:00.000Z', dismissedAt: '2026-01-07T00:00:00.000Z' } },
      surveys: { a: { shownAt: '2026-01-06T00:00:00.000Z', respondedAt: '2026-01-02T00:00:00.000Z' }, b: { shownAt: '2026-01-03T00:00:00.000Z', dismissedAt: '2026-01-04T00:00:00.000Z' } },
      lastPromptAt: '2026-01-06T00:00:00.000Z',
    });
  });

  it('is empty without rows', () => {
    expect(foldStateRows([])).toEqual({ milestones: {}, checklists: {}, surveys: {} });
  });

  it('reads every reserved name, listed as the partial index of migration 0002 lists them', () => {
    expect([...STATE_EVENTS].sort()).toEqual(Object.values(RESERVED_EVENTS).sort());
    const predicate = /WHERE event IN \((.+)\)/.exec(indexSql)![1];
    expect(stateSql).toContain(`event IN (${predicate})`);
  });
});

describe.each(backends())('state query on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());

  it('is served by the partial index of migration 0002', async () => {
    // With sequential scans priced out, a plan without the index would still be a Seq Scan.
    const plan = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return tx.query<Record<string, string>>(`EXPLAIN ${stateSql}`, ['w', 'u']);
    });
    const text = plan.map((line) => Object.values(line).join('')).join('\n');
    expect(text).toContain('events_experience_state');
    expect(text).not.toContain('Seq Scan');
  });
});
