/**
 * Raw events, one row per (workspace, messageId). `seq` orders them for readers that
 * follow new events by cursor (the health aggregator).
 */
export const sql = `
CREATE TABLE events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id text NOT NULL,
  message_id text NOT NULL,
  type text NOT NULL,
  anonymous_id text,
  user_id text,
  group_id text,
  event text,
  name text,
  timestamp timestamptz NOT NULL,
  original_timestamp timestamptz NOT NULL,
  sent_at timestamptz,
  received_at timestamptz NOT NULL,
  properties jsonb,
  traits jsonb,
  context jsonb,
  UNIQUE (workspace_id, message_id)
);
CREATE INDEX events_workspace_user ON events (workspace_id, user_id, seq);
CREATE INDEX events_workspace_anonymous ON events (workspace_id, anonymous_id, seq);
CREATE INDEX events_workspace_seq ON events (workspace_id, seq);
`;
