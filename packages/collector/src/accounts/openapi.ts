/** JSON schema fragments shared by several operations. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => jsonBody(ref('Error'), description);
const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });
const csmErrors = { '401': error('No secret key, or an unknown one'), '403': error('A write key was sent: it only allows ingest') };
const query = (name: string, schema: Record<string, unknown>, description: string, required = false) => ({ name, in: 'query', required, description, schema });
const BANDS = ['red', 'yellow', 'green'];
const TIERS = ['A', 'B', 'C'];
const STAGES = ['onboarding', 'growth', 'active', 'renewal'];
const FLAGS = ['not_activated_day_30', 'detractor_90d', 'usage_drop', 'inactive_14d', 'red_in_renewal', 'no_experience_data'];
const SORTS = ['health', '-health', 'name', '-name', 'nps', '-nps', 'activeUsers30d', '-activeUsers30d', 'lastSeenAt', '-lastSeenAt'];
const listFilters = [
  query('band', { enum: BANDS }, 'Only accounts in this band'),
  query('tier', { enum: TIERS }, 'Only accounts of this tier'),
  query('stage', { enum: STAGES }, 'Only accounts in this lifecycle stage'),
  query('flag', { enum: FLAGS }, 'Only accounts carrying this risk flag'),
  query('q', { type: 'string', maxLength: 200 }, 'Case-insensitive substring of the account name or id'),
  query('sort', { enum: SORTS, default: 'health' }, 'Sort order; a leading "-" is descending. `health` puts the worst first, `lastSeenAt` the longest silent first; accounts without NPS come last'),
];
const ingestResponses = {
  '200': jsonBody(ref('IngestResult'), 'Stored after commit; invalid events of a mixed batch are listed in `rejected`'),
  '400': error('Unparsable body'),
  '401': error('Unknown write key'),
  '413': error('Body or event too large (500 KB per batch, 32 KB per event, 2,500 events)'),
  '429': error('Rate limit of the write key; see Retry-After'),
  '503': error('Storage unavailable; retry'),
};
const ingest = (summary: string, body: unknown) => ({
  post: { tags: ['ingest'], summary, security: [{ writeKey: [] }], requestBody: { required: true, content: { 'application/json': { schema: body } } }, responses: ingestResponses },
});

/**
 * The collector's OpenAPI 3.1 document, served at `GET /v1/openapi.json`: ingest (write key),
 * the SDK's config and state reads, and the CSM API (secret key).
 */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Cairn collector',
    version: '0.1.0',
    description:
      'Ingest of customer-success signals from the Cairn SDK, and the CSM API over per-account health. Errors are `{ "error": { "code", "message" } }`.',
  },
  servers: [{ url: '/' }],
  tags: [
    { name: 'ingest', description: 'Write key (public), HTTP Basic with the key as user name' },
    { name: 'sdk', description: 'Reads of the SDK, keyed by `?key=<write key>`' },
    { name: 'csm', description: 'Secret key as `Authorization: Bearer sk_…`; a write key is refused with 403' },
  ],
  paths: {
    '/v1/batch': ingest('Store a batch of events (idempotent per messageId)', { type: 'object', required: ['batch'], properties: { batch: { type: 'array', items: ref('Event'), maxItems: 2500 }, sentAt: { type: 'string', format: 'date-time' } } }),
    '/v1/track': ingest('Store one track event', ref('Event')),
    '/v1/identify': ingest('Store one identify event', ref('Event')),
    '/v1/group': ingest('Store one group event (account traits: name, createdAt, contractEndAt, tier, …)', ref('Event')),
    '/v1/page': ingest('Store one page event', ref('Event')),
    '/v1/config': {
      get: {
        tags: ['sdk'],
        summary: "The workspace's experiences (milestones, checklists, surveys, throttle, theme), with ETag",
        parameters: [query('key', { type: 'string' }, 'Write key', true)],
        responses: { '200': jsonBody({ type: 'object', properties: { config: { type: 'object' } } }, 'Experience config'), '304': { description: 'Not modified (If-None-Match)' }, '401': error('Unknown write key') },
      },
    },
    '/v1/state': {
      get: {
        tags: ['sdk'],
        summary: "One user's milestones and checklist progress, so progress follows them across devices",
        parameters: [query('key', { type: 'string' }, 'Write key', true), query('userId', { type: 'string' }, 'The user', true)],
        responses: { '200': jsonBody({ type: 'object' }, 'User state'), '401': error('Unknown write key') },
      },
    },
    '/v1/events': {
      get: {
        tags: ['csm'],
        summary: 'Raw stored events in seq order (export)',
        security: [{ secretKey: [] }],
        parameters: [
          query('after', { type: 'integer', minimum: 0 }, 'The `next` of the previous page'),
          query('limit', { type: 'integer', minimum: 1, maximum: 10000, default: 1000 }, 'Page size'),
          query('userId', { type: 'string' }, 'Only this user'),
          query('anonymousId', { type: 'string' }, 'Only this anonymous id'),
          query('event', { type: 'string' }, 'Only this event name'),
        ],
        responses: { '200': jsonBody({ type: 'object', properties: { events: { type: 'array', items: { type: 'object' } }, next: nullable('integer') } }, 'A page of events'), ...csmErrors },
      },
    },
    '/v1/accounts': {
      get: {
        tags: ['csm'],
        summary: 'Accounts with their health, filtered, sorted and paginated (keyset)',
        security: [{ secretKey: [] }],
        parameters: [...listFilters, query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 50 }, 'Page size'), query('cursor', { type: 'string' }, 'The `next` of the previous page, unchanged')],
        responses: { '200': jsonBody(ref('AccountList'), 'A page of accounts'), '400': error('Bad filter, sort, limit or cursor'), ...csmErrors },
      },
    },
    '/v1/accounts.csv': {
      get: {
        tags: ['csm'],
        summary: 'Every account matching the filters as CSV (RFC 4180; cells starting with = + - @ are prefixed with \')',
        security: [{ secretKey: [] }],
        parameters: listFilters,
        responses: { '200': { description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } }, '400': error('Bad filter or sort'), ...csmErrors },
      },
    },
    '/v1/accounts/{id}': {
      get: {
        tags: ['csm'],
        summary: 'One account: every score component, each flag with its reason, milestones, usage, north-star weekly series',
        security: [{ secretKey: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': jsonBody(ref('AccountDetail'), 'The account'), '404': error('Unknown account'), ...csmErrors },
      },
    },
    '/v1/accounts/{id}/timeline': {
      get: {
        tags: ['csm'],
        summary: 'Milestones, survey responses, stage and band changes and raised flags, newest first',
        security: [{ secretKey: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, query('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 200 }, 'Entries')],
        responses: { '200': jsonBody({ type: 'object', required: ['entries'], properties: { entries: { type: 'array', items: ref('TimelineEntry') } } }, 'The timeline'), '404': error('Unknown account'), ...csmErrors },
      },
    },
    '/v1/surveys/results': {
      get: {
        tags: ['csm'],
        summary: "Survey results in the kind's window: score (each user's latest answer), distribution, 12-week trend, newest comments",
        security: [{ secretKey: [] }],
        parameters: [query('kind', { enum: ['nps', 'csat', 'ces'], default: 'nps' }, 'Survey kind'), query('accountId', { type: 'string' }, 'Only this account'), query('surveyId', { type: 'string' }, 'Only this survey')],
        responses: { '200': jsonBody(ref('SurveyResults'), 'Results'), '400': error('Bad kind'), ...csmErrors },
      },
    },
    '/v1/users/{id}': {
      delete: {
        tags: ['csm'],
        summary: "Erase a person: their events (and the anonymous ids they used), responses, activity and timeline entries; their accounts are rescored",
        security: [{ secretKey: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'The userId' }],
        responses: {
          '200': jsonBody(
            {
              type: 'object',
              properties: {
                userId: { type: 'string' },
                deleted: { type: 'object', properties: { events: { type: 'integer' }, responses: { type: 'integer' }, activityDays: { type: 'integer' }, timelineEntries: { type: 'integer' } } },
                accounts: { type: 'array', items: { type: 'string' } },
              },
            },
            'What was removed',
          ),
          ...csmErrors,
        },
      },
    },
    '/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
  },
  components: {
    securitySchemes: {
      writeKey: { type: 'http', scheme: 'basic', description: 'Write key as the user name, empty password' },
      secretKey: { type: 'http', scheme: 'bearer', description: 'Secret key (sk_…) from the collector config' },
    },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
      Event: {
        type: 'object',
        required: ['type', 'messageId', 'timestamp'],
        properties: {
          type: { enum: ['identify', 'group', 'track', 'page'] },
          messageId: { type: 'string' },
          timestamp: { type: 'string', format: 'date-time' },
          anonymousId: { type: 'string' },
          userId: { type: 'string' },
          groupId: { type: 'string', description: 'The account' },
          event: { type: 'string', description: 'Track event name; reserved: Milestone Reached, Survey Responded, …' },
          name: { type: 'string' },
          properties: { type: 'object' },
          traits: { type: 'object' },
          context: { type: 'object' },
        },
      },
      IngestResult: {
        type: 'object',
        properties: { accepted: { type: 'integer' }, duplicates: { type: 'integer' }, rejected: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, reason: { type: 'string' } } } } },
      },
      AccountSummary: {
        type: 'object',
        properties: {
          accountId: { type: 'string' },
          name: nullable('string'),
          tier: { enum: TIERS },
          stage: { enum: STAGES },
          health: { type: 'number', minimum: 0, maximum: 100 },
          band: { enum: BANDS },
          outcome: { type: 'number' },
          experience: nullable('number'),
          flags: { type: 'array', items: { enum: FLAGS } },
          nps: nullable('number'),
          activated: { type: 'boolean' },
          activatedAt: nullable('string', { format: 'date-time' }),
          timeToValueDays: nullable('number'),
          activeUsers30d: { type: 'integer' },
          lastSeenAt: nullable('string', { format: 'date-time' }),
        },
      },
      AccountList: { type: 'object', properties: { accounts: { type: 'array', items: ref('AccountSummary') }, total: { type: 'integer' }, next: nullable('string') } },
      ScoreComponent: { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' }, value: nullable('number'), weight: { type: 'number' }, detail: { type: 'string' } } },
      AccountDetail: {
        allOf: [
          ref('AccountSummary'),
          {
            type: 'object',
            properties: {
              traits: { type: 'object' },
              signupAt: nullable('string', { format: 'date-time' }),
              contractEndAt: nullable('string', { format: 'date-time' }),
              weights: { type: 'object', properties: { outcome: { type: 'number' }, experience: { type: 'number' } } },
              outcomeComponents: { type: 'array', items: ref('ScoreComponent') },
              experienceComponents: { type: 'array', items: ref('ScoreComponent') },
              flagReasons: { type: 'array', items: { type: 'object', properties: { flag: { enum: FLAGS }, reason: { type: 'string' } } } },
              milestones: { type: 'array', items: { type: 'object', properties: { milestone: { type: 'string' }, reachedAt: { type: 'string' }, required: { type: 'boolean' } } } },
              usage: { type: 'object' },
              csat: nullable('number'),
              ces: nullable('number'),
              northStar: { type: ['object', 'null'], properties: { name: { type: 'string' }, series: { type: 'array', items: { type: 'object', properties: { weekStart: { type: 'string' }, value: { type: 'number' } } } } } },
            },
          },
        ],
      },
      TimelineEntry: {
        type: 'object',
        properties: { at: { type: 'string', format: 'date-time' }, kind: { enum: ['milestone', 'survey_response', 'stage_change', 'band_change', 'flag_raised'] }, summary: { type: 'string' }, data: { type: 'object' } },
      },
      SurveyResults: {
        type: 'object',
        properties: {
          kind: { enum: ['nps', 'csat', 'ces'] },
          surveyId: nullable('string'),
          responses: { type: 'integer' },
          score: nullable('number'),
          distribution: { type: 'object', additionalProperties: { type: 'integer' } },
          weekly: { type: 'array', items: { type: 'object', properties: { weekStart: { type: 'string' }, responses: { type: 'integer' }, score: nullable('number') } } },
          comments: { type: 'array', items: { type: 'object', properties: { at: { type: 'string' }, accountId: nullable('string'), userId: nullable('string'), score: { type: 'number' }, comment: { type: 'string' } } } },
        },
      },
    },
  },
} as const;
