import type { WireEvent } from '@cairn/protocol';

/** Events split into request-sized parts, and those that can never be sent. */
export interface Chunks {
  parts: WireEvent[][];
  tooLarge: WireEvent[];
  /** Not serialisable as JSON (circular properties survive IndexedDB's structured clone, not JSON). */
  invalid: WireEvent[];
}

// Room for `{"batch":[],"sentAt":"…","writeKey":"…"}` around the events.
const ENVELOPE = 64;

const enc = new TextEncoder();

/** UTF-8 length of a string: what the request body will weigh. */
export const utf8Length = (s: string): number => enc.encode(s).length;

/**
 * Splits events, in order, into parts whose request body stays within `maxBytes` and
 * `maxEvents` (the collector's batch limits, or the 64 KB keepalive budget).
 *
 * @param writeKey - sent in the body, so it counts against the budget
 * @param maxEventBytes - events larger than this are set apart (the collector rejects them)
 */
export function chunk(events: WireEvent[], maxBytes: number, maxEvents: number, writeKey: string, maxEventBytes: number): Chunks {
  const budget = maxBytes - ENVELOPE - utf8Length(writeKey);
  const parts: WireEvent[][] = [];
  const tooLarge: WireEvent[] = [];
  const invalid: WireEvent[] = [];
  let part: WireEvent[] = [];
  let size = 0;
  for (const e of events) {
    let n: number;
    try {
      n = utf8Length(JSON.stringify(e)) + 1;
    } catch {
      invalid.push(e);
      continue;
    }
    if (n > maxEventBytes || n > budget) {
      tooLarge.push(e);
      continue;
    }
    if (part.length && (size + n > budget || part.length >= maxEvents)) {
      parts.push(part);
      part = [];
      size = 0;
    }
    part.push(e);
    size += n;
  }
  if (part.length) parts.push(part);
  return { parts, tooLarge, invalid };
}
