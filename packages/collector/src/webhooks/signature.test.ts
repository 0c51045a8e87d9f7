import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './signature.ts';

const secret = 'whsec_0123456789abcdef';
const body = '{"text":"hello"}';
const t = 1_795_000_000;
const now = t * 1000 + 5_000;

describe('webhook signature', () => {
  it('is HMAC-SHA256 of "<t>.<body>" in hex, as documented', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signBody(secret, t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies a fresh signature and refuses a changed body, another secret, an old timestamp or junk', () => {
    const header = signBody(secret, t, body);
    expect(verifySignature(header, body, secret, { now })).toEqual({ ok: true, timestamp: t });
    expect(verifySignature(header, body.replace('hello', 'hellO'), secret, { now })).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match/) });
    expect(verifySignature(header, body, 'whsec_another_secret_x', { now })).toMatchObject({ ok: false });
    expect(verifySignature(header, body, secret, { now: now + 301_000 })).toMatchObject({ ok: false, reason: expect.stringMatching(/300 s/) });
    expect(verifySignature(undefined, body, secret, { now })).toMatchObject({ ok: false });
    expect(verifySignature('t=abc,v1=zz', body, secret, { now })).toMatchObject({ ok: false, reason: 'malformed signature header' });
  });

  it('accepts the header when any of several v1 values matches', () => {
    const good = signBody(secret, t, body).split(',')[1]!;
    expect(verifySignature(`t=${t},v1=${'0'.repeat(64)},${good}`, body, secret, { now }).ok).toBe(true);
  });
});
