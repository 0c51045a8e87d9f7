/**
 * A random (v4) UUID for messageIds and anonymousIds. `crypto.randomUUID` exists only in
 * secure contexts (https, localhost), so plain-http pages fall back to `getRandomValues`,
 * which every browser exposes everywhere (since 2014).
 */
export function uuid(): string {
  const c = globalThis.crypto;
  if (c.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  let s = '';
  for (let i = 0; i < 16; i++) s += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + (b[i]! + 256).toString(16).slice(1);
  return s;
}
