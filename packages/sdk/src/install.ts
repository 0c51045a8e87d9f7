import type { ClientDeps } from './client.ts';
import type { Cairn } from './types.ts';

/** One queued call of the snippet's stub: `[method, ...args]`. */
export type StubCall = [string, ...unknown[]];

/** `window.cairn` once the script ran: the client's API plus `push` for snippet-style calls. */
export type Installed = Cairn & { push(call: StubCall): void; _real: true };

/**
 * Replaces the snippet's stub `window.cairn` with a real client: replays the queued calls
 * in order (including `init`), then keeps `push([method, ...args])` working for code that
 * still speaks the stub's language. Loading the script twice keeps the first client.
 *
 * @param script - the `<script>` that loaded `cairn.js`; its origin is the default host
 */
export function install(w: { cairn?: unknown }, make: (deps: ClientDeps) => Cairn, script?: { src?: string } | null): Installed {
  const stub = w.cairn as Installed | StubCall[] | undefined;
  if (stub && '_real' in stub) return stub;
  let host: string | undefined;
  try {
    host = script?.src ? new URL(script.src).origin : undefined;
  } catch {
    // An unparsable src: fall back to the page's origin.
  }
  const c = make(host ? { host } : {});
  const apply = (call: unknown) => {
    if (!Array.isArray(call)) return;
    const [m, ...args] = call as StubCall;
    const fn = m in c && m[0] !== '_' ? (c as unknown as Record<string, unknown>)[m] : undefined;
    if (typeof fn === 'function') (fn as (...a: unknown[]) => unknown)(...args);
  };
  const api: Installed = { ...c, push: apply, _real: true };
  if (Array.isArray(stub)) stub.forEach(apply);
  w.cairn = api;
  return api;
}
