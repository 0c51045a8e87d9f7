import type { AccountChange } from '../accounts/account-change.ts';

/** A Slack Block Kit block (only the two kinds Cairn sends). */
export type SlackBlock =
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] };

/**
 * The JSON body of a webhook: Slack-compatible (`text`, `blocks`; a Slack incoming webhook shows
 * it as is) plus the machine-readable change under `cairn` for any other receiver.
 */
export interface WebhookMessage {
  text: string;
  blocks: SlackBlock[];
  cairn: AccountChange & {
    /** Unique per delivery and stable across its retries: receivers dedupe on it. */
    deliveryId: string;
    /** When the change was queued (ISO). */
    createdAt: string;
  };
}

// Slack mrkdwn treats &, < and > as control characters (https://api.slack.com/reference/surfaces/formatting#escaping).
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const headline = (change: AccountChange): string => {
  const account = `account *${escape(change.accountId)}*`;
  switch (change.kind) {
    case 'detractor': {
      const who = change.userId === null ? 'An anonymous user' : `User ${escape(change.userId)}`;
      const comment = change.comment ? `: “${escape(change.comment)}”` : '';
      return `:rotating_light: Detractor at ${account}. ${who} answered NPS ${change.score}/10${comment}`;
    }
    case 'band_change': {
      const icon = change.to === 'red' ? ':red_circle:' : change.to === 'yellow' ? ':large_yellow_circle:' : ':large_green_circle:';
      return `${icon} Health of ${account} moved from ${change.from} to *${change.to}* (${change.health.toFixed(1)}).`;
    }
    case 'not_activated':
      return `:hourglass: ${account[0]!.toUpperCase()}${account.slice(1)} is not activated ${change.daysSinceSignup} days after signup: high churn risk.`;
  }
};

/**
 * The message for one account change.
 *
 * @param workspaceName - shown in the context line, so one Slack channel can serve several workspaces
 */
export function webhookMessage(change: AccountChange, meta: { deliveryId: string; createdAt: string; workspaceName: string }): WebhookMessage {
  const text = headline(change);
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Cairn · ${escape(meta.workspaceName)} · ${change.kind}` }] },
    ],
    cairn: { ...change, deliveryId: meta.deliveryId, createdAt: meta.createdAt },
  };
}
