import { createHash } from 'node:crypto';
import type { ExperienceConfig } from '@cairn/protocol';
import { Hono } from 'hono';
import type { CollectorConfig, Workspace } from '../config.ts';
import type { KeyIndex } from '../keys.ts';
import type { Logger } from '../logger.ts';
import { workspaceOfQueryKey } from './query-key.ts';
import { experienceWarnings, workspaceExperiences } from './workspace-experiences.ts';

/** Answer of `GET /v1/config`. */
export interface ConfigResponse {
  config: ExperienceConfig;
}

/** A workspace's answer, rendered once: the config file does not change while the collector runs. */
interface RenderedConfig {
  body: string;
  etag: string;
}

/**
 * Whether an `If-None-Match` header matches `etag`. Per RFC 9110 §13.1.2 the comparison is
 * weak (a `W/` prefix is ignored) and `*` matches any current representation.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * `GET /v1/config?key=<write key>` → `{ config }`: the workspace's experiences (milestones,
 * checklists, surveys, throttle, theme, locale, strings), validated and with defaults, or an
 * empty valid config. Only that section is sent: never keys, health config or anything else
 * of the workspace. A strong ETag (hash of the body) with `Cache-Control: no-cache` lets the
 * SDK keep its copy and revalidate on every page load (304 when unchanged).
 */
export function createConfigRoute(deps: { config: CollectorConfig; keys: KeyIndex; logger: Logger }): Hono {
  const rendered = new Map<Workspace, RenderedConfig>();
  const render = (workspace: Workspace, at: string): RenderedConfig => {
    const config = workspaceExperiences(workspace, at);
    for (const warning of experienceWarnings(config)) deps.logger.warn(`Config: ${warning}`);
    const body = JSON.stringify({ config } satisfies ConfigResponse);
    const result = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
    rendered.set(workspace, result);
    return result;
  };
  // Rendered up front: a bad section fails here, at start-up, rather than on a request.
  deps.config.workspaces.forEach((workspace, index) => render(workspace, `workspaces[${index}]`));

  const route = new Hono();
  route.get('/config', (c) => {
    const workspace = workspaceOfQueryKey(deps.keys, c, 'read the config');
    const { body, etag } = rendered.get(workspace) ?? render(workspace, `workspace "${workspace.id}"`);
    const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
    if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  });
  return route;
}
