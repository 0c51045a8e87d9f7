/** The script-tag entry (`dist/cairn.js`, IIFE): turns the snippet's stub into the real client. */
import { createClient } from './client.ts';
import { install } from './install.ts';

// currentScript is only set while this file runs synchronously, so read it first.
install(window as { cairn?: unknown }, createClient, document.currentScript as HTMLScriptElement | null);
