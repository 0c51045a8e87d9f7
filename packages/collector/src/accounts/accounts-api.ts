import type { AccountList, AccountSummary, SurveyKind, TimelineEntry } from '@cairn/protocol';
import { Hono, type Context } from 'hono';
import { apiError } from '../api-error.ts';
import type { Workspace } from '../config.ts';
import type { Database } from '../db/database.ts';
import { authenticateSecretKey } from '../events-api.ts';
import type { HealthConfig } from '../health/index.ts';
import type { KeyIndex } from '../keys.ts';
import { parseAccountListQuery, queryAccounts } from './account-list-query.ts';
import { accountsCsv } from './accounts-csv.ts';
import { deleteUser } from './delete-user.ts';
import type { HealthAggregator } from './health-aggregator.ts';
import { surveyResults } from './survey-results.ts';

/** What the CSM API reads from. */
export interface AccountsApiDeps {
  db: Database;
  keys: KeyIndex;
  aggregator: HealthAggregator;
  now?: () => number;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
const TIMELINE_DEFAULT = 200;
const TIMELINE_MAX = 1000;

/**
 * The CSM API, to mount under `/v1`; every route needs a secret key (`Authorization: Bearer sk_…`):
 * none or unknown → 401, a write key → 403. Reads only the aggregates the health aggregator keeps
 * (`account_scores`, `account_timeline`, `survey_responses`), never the raw events.
 */
export function createAccountsApi(deps: AccountsApiDeps): Hono {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const api = new Hono();
  const auth = (c: Context): { workspace: Workspace; config: HealthConfig } => {
    const workspace = authenticateSecretKey(deps.keys, c.req.header('authorization'));
    const config = deps.aggregator.healthConfig(workspace.id);
    if (!config) throw apiError(500, 'no_health_config', `Failed to read account health: workspace "${workspace.id}" has no health aggregator. Please restart the collector.`);
    return { workspace, config };
  };

  api.get('/accounts', async (c) => {
    const { workspace } = auth(c);
    const query = parseAccountListQuery(c.req.query());
    const page = await queryAccounts(db, workspace.id, query);
    const body: AccountList = { accounts: page.rows.map((row) => json<AccountSummary>(row.summary)), total: page.total, next: page.next };
    return c.json(body);
  });

  api.get('/accounts.csv', async (c) => {
    const { workspace } = auth(c);
    const query = parseAccountListQuery(c.req.query(), false);
    const page = await queryAccounts(db, workspace.id, query);
    const day = new Date(now()).toISOString().slice(0, 10);
    return c.body(accountsCsv(page.rows.map((row) => json<AccountSummary>(row.summary))), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="cairn-accounts-${workspace.id}-${day}.csv"`,
      'cache-control': 'no-store',
    });
  });

  api.get('/accounts/:id', async (c) => {
    const { workspace } = auth(c);
    const accountId = c.req.param('id');
    const rows = await db.query<{ detail: unknown }>('SELECT detail FROM account_scores WHERE workspace_id = $1 AND account_id = $2', [workspace.id, accountId]);
    if (rows.length === 0) throw apiError(404, 'account_not_found', `Failed to find account "${accountId}": no event named it yet. Please check the account id (the groupId sent by the SDK).`);
    return c.json(json(rows[0]!.detail));
  });

  api.get('/accounts/:id/timeline', async (c) => {
    const { workspace } = auth(c);
    const accountId = c.req.param('id');
    const limitText = c.req.query('limit') ?? String(TIMELINE_DEFAULT);
    const limit = Number(limitText);
    if (!/^\d{1,4}$/.test(limitText) || limit < 1 || limit > TIMELINE_MAX) {
      throw apiError(400, 'invalid_query', `Failed to read the timeline: limit "${limitText}" is not an integer from 1 to ${TIMELINE_MAX}. Please fix the query.`);
    }
    const [exists, rows] = await Promise.all([
      db.query('SELECT 1 FROM accounts WHERE workspace_id = $1 AND account_id = $2', [workspace.id, accountId]),
      db.query<{ at: Date | string; kind: TimelineEntry['kind']; summary: string; data: unknown }>(
        `SELECT at, kind, summary, data FROM account_timeline WHERE workspace_id = $1 AND account_id = $2 ORDER BY at DESC, id DESC LIMIT $3`,
        [workspace.id, accountId, limit],
      ),
    ]);
    if (exists.length === 0) throw apiError(404, 'account_not_found', `Failed to find account "${accountId}": no event named it yet. Please check the account id.`);
    const entries: TimelineEntry[] = rows.map((row) => ({ at: new Date(row.at).toISOString(), kind: row.kind, summary: row.summary, data: json(row.data) }));
    return c.json({ entries });
  });

  api.get('/surveys/results', async (c) => {
    const { workspace, config } = auth(c);
    const kind = c.req.query('kind') ?? 'nps';
    if (kind !== 'nps' && kind !== 'csat' && kind !== 'ces') {
      throw apiError(400, 'invalid_query', `Failed to read survey results: kind "${kind}" is not one of nps, csat, ces. Please fix the query.`);
    }
    const accountId = c.req.query('accountId') || undefined;
    const surveyId = c.req.query('surveyId') || undefined;
    const results = await surveyResults(db, workspace.id, { kind: kind as SurveyKind, ...(accountId ? { accountId } : {}), ...(surveyId ? { surveyId } : {}) }, config, new Date(now()));
    return c.json(results);
  });

  api.delete('/users/:id', async (c) => {
    const { workspace, config } = auth(c);
    const userId = c.req.param('id');
    // Aggregate everything stored so far first, so the counters taken back are exactly those counted.
    await deps.aggregator.catchUp();
    const { deletion, changes } = await deps.aggregator.exclusive(() => deleteUser(db, workspace.id, userId, config, new Date(now())));
    deps.aggregator.report(changes);
    return c.json(deletion);
  });
  return api;
}
