export { createClient } from './client.ts';
export type { ClientDeps } from './client.ts';
export type { Cairn, InitOptions, SdkEvents, DropReason } from './types.ts';
export type { Identity } from './identity.ts';
export { VERSION } from './context.ts';
export { snippet, SNIPPET } from './snippet.ts';
export { install } from './install.ts';
