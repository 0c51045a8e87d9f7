import { describe, expect, it } from 'vitest';
import { validateEvent } from './validate-event.ts';

const base = { type: 'track', messageId: 'm1', timestamp: '2026-01-01T00:00:00.000Z', anonymousId: 'a1', event: 'Saved' };

describe('validateEvent', () => {
  it('accepts a minimal track event and drops unknown fields', () => {
    const result = validateEvent({ ...base, extra: 1 });
    expect(result).toEqual({ ok: true, event: base });
  });

  it('takes the type from the endpoint when the event has none', () => {
    const { type: _omit, ...untyped } = base;
    expect(validateEvent(untyped, 'track').ok).toBe(true);
    expect(validateEvent(base, 'page')).toEqual({ ok: false, reason: 'type must be "page" on this endpoint' });
  });

  it.each([
    [null, 'event must be a JSON object'],
    [[], 'event must be a JSON object'],
    [{ ...base, type: 'alias' }, 'type must be one of identify, group, track, page'],
    [{ ...base, messageId: 7 }, 'messageId must be a string of 1-256 characters'],
    [{ ...base, messageId: 'x'.repeat(257) }, 'messageId must be a string of 1-256 characters'],
    [{ ...base, timestamp: 'yesterday' }, 'timestamp must be an ISO 8601 date string'],
    [{ ...base, anonymousId: undefined }, 'anonymousId or userId is required'],
    [{ ...base, userId: 42 }, 'userId must be a string of 1-256 characters'],
    [{ ...base, event: '' }, 'event (the name) is required for track'],
    [{ ...base, type: 'group' }, 'groupId is required for group'],
    [{ ...base, properties: [1] }, 'properties must be a JSON object'],
  ])('rejects %j', (raw, reason) => {
    expect(validateEvent(raw)).toEqual({ ok: false, reason });
  });
});
