/**
 * What happened to an account, newest first in the API: milestones, survey responses, stage and
 * band changes, flags raised. `user_key` lets `DELETE /v1/users/:id` remove a person's entries.
 */
export const sql = `
CREATE TABLE account_timeline (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id text NOT NULL,
  account_id text NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  summary text NOT NULL,
  data jsonb NOT NULL,
  user_key text
);
CREATE INDEX account_timeline_by_account ON account_timeline (workspace_id, account_id, at DESC, id DESC);
`;
