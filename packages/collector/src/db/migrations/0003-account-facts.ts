/**
 * Per-account facts of the health model (docs/health-model.md, "Input: AccountFacts"), kept
 * incrementally by the health aggregator from events after its per-workspace `seq` cursor.
 * Every table is keyed by (workspace_id, account_id, …) and only ever upserted, so a batch is
 * one statement per table. `user_key` is the event's userId, else its anonymousId.
 */
export const sql = `
CREATE TABLE aggregator_cursors (
  workspace_id text PRIMARY KEY,
  last_seq bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
  workspace_id text NOT NULL,
  account_id text NOT NULL,
  traits jsonb NOT NULL DEFAULT '{}'::jsonb,
  signup_at timestamptz,
  signup_from_trait boolean NOT NULL DEFAULT false,
  contract_end_at timestamptz,
  last_seen_at timestamptz,
  PRIMARY KEY (workspace_id, account_id)
);

CREATE TABLE account_users (
  workspace_id text NOT NULL,
  account_id text NOT NULL,
  user_key text NOT NULL,
  last_seq bigint NOT NULL,
  PRIMARY KEY (workspace_id, account_id, user_key)
);
-- Which account an event without groupId belongs to, and which accounts a deleted user touched.
CREATE INDEX account_users_by_user ON account_users (workspace_id, user_key, last_seq);

CREATE TABLE account_milestones (
  workspace_id text NOT NULL,
  account_id text NOT NULL,
  milestone text NOT NULL,
  reached_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, account_id, milestone)
);

CREATE TABLE account_days (
  workspace_id text NOT NULL,
  account_id text NOT NULL,
  day date NOT NULL,
  events integer NOT NULL,
  PRIMARY KEY (workspace_id, account_id, day)
);

CREATE TABLE account_day_users (
  workspace_id text NOT NULL,
  account_id text NOT NULL,
  day date NOT NULL,
  user_key text NOT NULL,
  PRIMARY KEY (workspace_id, account_id, day, user_key)
);

CREATE TABLE account_north_star_days (
  workspace_id text NOT NULL,
  account_id text NOT NULL,
  day date NOT NULL,
  count integer NOT NULL,
  sum double precision NOT NULL,
  PRIMARY KEY (workspace_id, account_id, day)
);

CREATE TABLE account_north_star_day_users (
  workspace_id text NOT NULL,
  account_id text NOT NULL,
  day date NOT NULL,
  user_key text NOT NULL,
  PRIMARY KEY (workspace_id, account_id, day, user_key)
);

CREATE TABLE survey_responses (
  workspace_id text NOT NULL,
  message_id text NOT NULL,
  account_id text,
  user_key text,
  survey_id text,
  kind text NOT NULL,
  score double precision NOT NULL,
  comment text,
  at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, message_id)
);
CREATE INDEX survey_responses_by_account ON survey_responses (workspace_id, account_id, at);
CREATE INDEX survey_responses_by_kind ON survey_responses (workspace_id, kind, at);
CREATE INDEX survey_responses_by_user ON survey_responses (workspace_id, user_key);
`;
