import { describe, expect, it } from 'vitest';
import { webhookMessage } from './webhook-message.ts';

const meta = { deliveryId: 'd1', createdAt: '2026-11-23T12:00:00.000Z', workspaceName: 'Demo <SaaS>' };

describe('webhookMessage', () => {
  it('writes a detractor response as Slack text with the escaped comment and keeps the change under cairn', () => {
    const change = { kind: 'detractor', workspaceId: 'demo', accountId: 'acct_1', userId: 'u<1>', score: 3, comment: 'Too slow & buggy', surveyId: 'nps' } as const;
    const message = webhookMessage(change, meta);
    expect(message.text).toBe(':rotating_light: Detractor at account *acct_1*. User u&lt;1&gt; answered NPS 3/10: “Too slow &amp; buggy”');
    expect(message.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: message.text } });
    expect(message.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Cairn · Demo &lt;SaaS&gt; · detractor' }] });
    expect(message.cairn).toEqual({ ...change, deliveryId: 'd1', createdAt: meta.createdAt });
  });

  it('writes band changes and missed activation', () => {
    expect(webhookMessage({ kind: 'band_change', workspaceId: 'w', accountId: 'a', from: 'green', to: 'red', health: 42 }, meta).text).toBe(
      ':red_circle: Health of account *a* moved from green to *red* (42.0).',
    );
    expect(webhookMessage({ kind: 'not_activated', workspaceId: 'w', accountId: 'a', daysSinceSignup: 31 }, meta).text).toBe(
      ':hourglass: Account *a* is not activated 31 days after signup: high churn risk.',
    );
    expect(webhookMessage({ kind: 'detractor', workspaceId: 'w', accountId: 'a', userId: null, score: 0, comment: null, surveyId: null }, meta).text).toBe(
      ':rotating_light: Detractor at account *a*. An anonymous user answered NPS 0/10',
    );
  });
});
