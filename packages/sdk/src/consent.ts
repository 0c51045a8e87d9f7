/**
 * Where the client stands on consent:
 * - `pending`: `requireConsent` and no answer yet — events wait in memory, no storage, no network;
 * - `granted`: store and send;
 * - `denied`: `consent(false)` — the queue was cleared and nothing is recorded.
 */
export type ConsentState = 'pending' | 'granted' | 'denied';

/** The state a client starts in. */
export const initialConsent = (required: boolean | undefined): ConsentState => (required ? 'pending' : 'granted');

/** The state after the host page answers `consent(granted)`. */
export const answerConsent = (granted: boolean): ConsentState => (granted ? 'granted' : 'denied');
