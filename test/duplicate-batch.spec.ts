// Idempotent ingest over plain HTTP: a repeated batch (a retry after a lost answer) is stored once.
import { randomUUID } from 'node:crypto';
import { workspace } from './harness/collector-process.ts';
import { repeatedMessageIds } from './harness/events-api.ts';
import { expect, test } from './harness/fixtures.ts';

/** A batch of three events from a fresh anonymousId (the collector is shared with other tests). */
function batchBody(anonymousId: string) {
  const now = new Date().toISOString();
  return JSON.stringify({
    sentAt: now,
    batch: ['First', 'Second', 'Third'].map((label) => ({
      type: 'track',
      messageId: randomUUID(),
      timestamp: now,
      anonymousId,
      userId: 'user-http',
      event: 'Posted Twice',
      properties: { label },
    })),
  });
}

const post = (url: string, body: string) =>
  fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${workspace.writeKey}:`).toString('base64')}` },
    body,
    signal: AbortSignal.timeout(10_000),
  });

test('the same batch posted twice, one after the other, is stored once', async ({ collector, events }) => {
  const anonymousId = `anon-${randomUUID()}`;
  const body = batchBody(anonymousId);
  const first = await post(collector.url, body);
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
  const second = await post(collector.url, body);
  expect(second.status).toBe(200);
  expect(await second.json()).toEqual({ accepted: 0, duplicates: 3, rejected: [] });

  const stored = await events.list({ anonymousId });
  expect(stored.map((e) => e.properties?.label)).toEqual(['First', 'Second', 'Third']);
  expect(repeatedMessageIds(stored)).toEqual([]);
});

test('the same batch posted twice at the same time is stored once', async ({ collector, events }) => {
  const anonymousId = `anon-${randomUUID()}`;
  const body = batchBody(anonymousId);
  const answers = await Promise.all([post(collector.url, body), post(collector.url, body)]);
  expect(answers.map((a) => a.status)).toEqual([200, 200]);
  const counts = (await Promise.all(answers.map((a) => a.json()))) as { accepted: number; duplicates: number }[];
  expect(counts.reduce((sum, c) => sum + c.accepted, 0)).toBe(3);
  expect(counts.reduce((sum, c) => sum + c.duplicates, 0)).toBe(3);

  const stored = await events.list({ anonymousId });
  expect(stored).toHaveLength(3);
  expect(repeatedMessageIds(stored)).toEqual([]);
});
