import type { Band } from '@cairn/protocol';

/** An account moved from one health band to another (not raised for an account's first score). */
export interface BandChange {
  kind: 'band_change';
  workspaceId: string;
  accountId: string;
  from: Band;
  to: Band;
  /** The new health, 0–100, one decimal. */
  health: number;
}

/** A user of the account answered an NPS survey with 0–6 (raised once per stored response). */
export interface DetractorResponse {
  kind: 'detractor';
  workspaceId: string;
  accountId: string;
  /** The respondent's userId (or anonymousId); null when neither was sent. */
  userId: string | null;
  score: number;
  /** The free-text comment, or null when none was given. */
  comment: string | null;
  surveyId: string | null;
}

/** The account is past its activation window without being activated (raised once per account). */
export interface NotActivated {
  kind: 'not_activated';
  workspaceId: string;
  accountId: string;
  /** Whole days since signup when the flag was first seen. */
  daysSinceSignup: number;
}

/**
 * What the health aggregator reports to `onChange` after the change is committed (webhooks
 * build on it). Delivered at most once per process: a crash between commit and the call loses
 * it, so a dispatcher wanting at-least-once must persist it itself.
 */
export type AccountChange = BandChange | DetractorResponse | NotActivated;

/** Receives account changes; must not throw and should return quickly (queue slow work). */
export type AccountChangeListener = (change: AccountChange) => void;
