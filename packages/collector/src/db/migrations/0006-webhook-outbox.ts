/**
 * The webhook outbox: one row per (change, target) to deliver. A row is deleted only after the
 * receiver answered 2xx (at least once); `next_attempt_at` doubles as the lease of the collector
 * delivering it, so a row whose collector died becomes due again. Rows that exhausted their
 * attempts or were refused for good stay as `failed` with the last error, for inspection.
 */
export const sql = `
CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  workspace_id text NOT NULL,
  url text NOT NULL,
  kind text NOT NULL,
  account_id text,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_status integer,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  failed_at timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
`;
