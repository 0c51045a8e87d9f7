import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, loadConfig, parseConfig, toPublicWorkspace } from './config.ts';

describe('config', () => {
  it('loads the repository cairn.config.json with its demo workspace', async () => {
    const config = await loadConfig(join(import.meta.dirname, '../../../cairn.config.json'));
    expect(config.workspaces[0]).toMatchObject({ id: 'demo', writeKeys: [{ key: 'wk_demo', allowedOrigins: ['*'] }], secretKeys: ['sk_demo'] });
  });

  it('keeps unknown workspace fields and fills defaults', () => {
    const config = parseConfig({ workspaces: [{ id: 'w', writeKeys: ['wk_1'], experiences: { checklists: [] }, health: { weights: 1 } }] });
    const [workspace] = config.workspaces;
    expect(workspace).toMatchObject({ name: 'w', experiences: { checklists: [] }, health: { weights: 1 }, secretKeys: [] });
    expect(workspace!.writeKeys).toEqual([{ key: 'wk_1', allowedOrigins: ['*'] }]);
    expect(workspace!.rateLimit).toEqual(DEFAULT_RATE_LIMIT);
  });

  it('never exposes secret keys in the public workspace', () => {
    const [workspace] = parseConfig({ workspaces: [{ id: 'w', writeKeys: ['wk_1'], secretKeys: ['sk_1'] }] }).workspaces;
    expect(JSON.stringify(toPublicWorkspace(workspace!))).not.toContain('sk_1');
  });

  it.each([
    [{}, /no "workspaces" list/],
    [{ workspaces: [{ id: 'a b', writeKeys: ['k'] }] }, /workspaces\[0\]\.id/],
    [{ workspaces: [{ id: 'a', writeKeys: [] }] }, /has no writeKeys/],
    [{ workspaces: [{ id: 'a', writeKeys: [{ key: 1 }] }] }, /writeKeys\[0\] has no "key"/],
    [{ workspaces: [{ id: 'a', writeKeys: ['k'], rateLimit: { eventsPerSecond: -1 } }] }, /rateLimit\.eventsPerSecond/],
    [{ workspaces: [{ id: 'a', writeKeys: ['k'] }, { id: 'b', writeKeys: ['k'] }] }, /key "k" is used twice/],
    [{ workspaces: [{ id: 'a', writeKeys: ['k'] }, { id: 'a', writeKeys: ['j'] }] }, /id "a" appears twice/],
  ])('rejects %j with a clear error', (raw, message) => {
    expect(() => parseConfig(raw)).toThrow(message);
    expect(() => parseConfig(raw)).toThrow(/^Failed to load the collector config: .+\. Please .+\.$/);
  });

  it('explains a missing file and invalid JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-config-'));
    await expect(loadConfig(join(dir, 'nope.json'))).rejects.toThrow(/does not exist\. Please create it or pass --config/);
    writeFileSync(join(dir, 'bad.json'), '{ "workspaces": [ ');
    await expect(loadConfig(join(dir, 'bad.json'))).rejects.toThrow(/is not valid JSON/);
  });
});
