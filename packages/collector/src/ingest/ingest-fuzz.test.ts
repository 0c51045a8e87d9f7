import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { backends } from '../test-support/databases.ts';
import { post, testApp } from '../test-support/test-app.ts';

/** Events that are nearly valid, so the fuzzing reaches the storage path too. */
const nearlyValidEvent = fc.record(
  {
    type: fc.oneof(fc.constantFrom('track', 'identify', 'group', 'page'), fc.anything()),
    messageId: fc.oneof(fc.uuid(), fc.string(), fc.anything()),
    event: fc.oneof(fc.string(), fc.anything()),
    anonymousId: fc.oneof(fc.string({ minLength: 1 }), fc.anything()),
    userId: fc.string(),
    groupId: fc.string(),
    timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    properties: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.anything()),
    context: fc.object(),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.record({ batch: fc.array(nearlyValidEvent, { maxLength: 8 }), sentAt: fc.oneof(fc.string(), fc.date().map(String)) }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary' }),
  fc.uint8Array({ maxLength: 2048 }),
);

describe.each(backends())('POST /v1/batch fuzzing on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());

  it('never answers 5xx to arbitrary JSON or bytes, and always answers JSON', async () => {
    const app = testApp(db);
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('application/json', 'text/plain', ''), async (payload, type) => {
        const res = await post(app, '/v1/batch', payload, 'wk_demo', type ? { 'content-type': type } : {});
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('content-type')).toContain('application/json');
        const answer = (await res.json()) as Record<string, unknown>;
        if (res.status === 200) expect(answer).toHaveProperty('accepted');
        else expect(answer).toHaveProperty('error.code');
      }),
      { numRuns: 300 },
    );
  });
});
