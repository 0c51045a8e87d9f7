import { describe, expect, it } from 'vitest';
import { parseConfig, toPublicWorkspace } from '../config.ts';
import { parseWebhooks } from './webhook-config.ts';

const secret = 'whsec_0123456789abcdef';

describe('parseWebhooks', () => {
  it('defaults to every event and to no webhooks', () => {
    expect(parseWebhooks(undefined, 'w')).toEqual([]);
    expect(parseWebhooks([{ url: 'https://hooks.example.com/a', secret }], 'w')).toEqual([
      { url: 'https://hooks.example.com/a', secret, events: ['detractor', 'band_change', 'not_activated'] },
    ]);
    expect(parseWebhooks([{ url: 'http://127.0.0.1:9/x', secret, events: ['detractor', 'detractor'] }], 'w')[0]!.events).toEqual(['detractor']);
  });

  it.each([
    [{}, /webhooks is not a list/],
    [[{ url: 'ftp://x', secret }], /webhooks\[0\]\.url is "ftp:\/\/x", not an http\(s\) URL/],
    [[{ url: 'not a url', secret }], /url is "not a url"/],
    [[{ url: 'https://a.example', secret: 'short' }], /secret is missing or shorter than 16/],
    [[{ url: 'https://a.example', secret, events: ['churned'] }], /events is \["churned"\]/],
    [[{ url: 'https://a.example', secret, events: [] }], /events is \[\]/],
    [[{ url: 'https://a.example', secret, retries: 3 }], /unknown field "retries"/],
    [[{ url: 'https://a.example/', secret }, { url: 'https://a.example', secret }], /appears twice/],
  ])('refuses %j with a clear error', (raw, message) => {
    expect(() => parseWebhooks(raw, 'workspaces[0]')).toThrow(message);
    expect(() => parseWebhooks(raw, 'workspaces[0]')).toThrow(/^Failed to load the collector config: .*\. Please .*\.$/);
  });

  it('is part of the workspace config, and its secrets never reach a browser', () => {
    const config = parseConfig({ workspaces: [{ id: 'demo', writeKeys: ['wk'], webhooks: [{ url: 'https://a.example/h', secret, events: ['band_change'] }] }] });
    expect(config.workspaces[0]!.webhooks).toEqual([{ url: 'https://a.example/h', secret, events: ['band_change'] }]);
    expect(JSON.stringify(toPublicWorkspace(config.workspaces[0]!))).not.toContain(secret);
    expect(() => parseConfig({ workspaces: [{ id: 'demo', writeKeys: ['wk'], webhooks: [{ url: 'x', secret }] }] })).toThrow(/workspaces\[0\]\.webhooks\[0\]\.url/);
  });
});
