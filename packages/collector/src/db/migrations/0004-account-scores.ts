/**
 * The computed score of each account (what `scoreAccount` returned at `scored_at`), one row per
 * account. The list columns are real columns with indexes for the sorts the CSM API offers; the
 * full `AccountDetail` is kept as JSON so the detail endpoint is one primary-key lookup.
 */
export const sql = `
CREATE TABLE account_scores (
  workspace_id text NOT NULL,
  account_id text NOT NULL,
  name text,
  name_sort text NOT NULL,
  health double precision NOT NULL,
  band text NOT NULL,
  outcome double precision NOT NULL,
  experience double precision,
  tier text NOT NULL,
  stage text NOT NULL,
  flags text[] NOT NULL,
  nps double precision,
  activated boolean NOT NULL,
  active_users_30d integer NOT NULL,
  last_seen_at timestamptz,
  summary jsonb NOT NULL,
  detail jsonb NOT NULL,
  scored_at timestamptz NOT NULL,
  not_activated_reported boolean NOT NULL DEFAULT false,
  PRIMARY KEY (workspace_id, account_id)
);
CREATE INDEX account_scores_by_health ON account_scores (workspace_id, health, account_id);
CREATE INDEX account_scores_by_name ON account_scores (workspace_id, name_sort, account_id);
CREATE INDEX account_scores_by_scored_at ON account_scores (workspace_id, scored_at);
`;
