/**
 * `GET /v1/state` reads one user's reserved experience events. A partial index holds only
 * those events, so ordinary track/page traffic (the bulk of ingest) pays no index upkeep:
 * 0001 measured three full secondary indexes at 1.5x slower group-commit inserts. The
 * predicate lists the names of `RESERVED_EVENTS` the state reads, literally and in the
 * order of `STATE_EVENTS` (experiences/user-experience-state.ts), whose query repeats it
 * so the planner can use the index; a test checks both stay in step.
 */
export const sql = `
CREATE INDEX events_experience_state ON events (workspace_id, user_id)
WHERE event IN ('Milestone Reached', 'Checklist Step Completed', 'Checklist Completed', 'Checklist Dismissed', 'Survey Shown', 'Survey Responded', 'Survey Dismissed');
`;
