// A page with nothing to show never requests the widgets chunk (`/cairn-widgets.js`).
import { workspace } from './harness/collector-process.ts';
import { quietWorkspace } from './harness/experience-workspaces.ts';
import { expect, freshUserId, recordChunkRequests, surveyDialog, test, trackNow } from './harness/experience-fixtures.ts';
import { sleep } from './harness/wait-for.ts';

test('a workspace without experiences loads neither the engine nor the widgets chunk', async ({ context, openPage, events, pageErrors }) => {
  const chunks = recordChunkRequests(context);
  const userId = freshUserId('lazy-none');
  const page = await openPage({ writeKey: workspace.writeKey, user: { id: userId } });
  await trackNow(page, 'Report Created');
  await trackNow(page, 'Export Finished');
  await events.waitForCount(1, { userId, event: 'Export Finished' });
  await sleep(1_500);
  expect(chunks).toEqual({ widgets: [], experiences: [] });
  expect(pageErrors).toEqual([]);
});

test('milestones and an untriggered survey do not load the widgets chunk; the trigger does', async ({ context, openPage, eventsOf, pageErrors }) => {
  const chunks = recordChunkRequests(context);
  const events = eventsOf(quietWorkspace);
  const userId = freshUserId('lazy-quiet');
  const page = await openPage({ writeKey: quietWorkspace.writeKey, user: { id: userId } });
  await trackNow(page, 'Report Created', { reportId: 'r1' });
  const [reached] = await events.waitForCount(1, { userId, event: 'Milestone Reached' });
  expect(reached?.properties).toMatchObject({ milestone: 'first-report' });
  await page.reload();
  await trackNow(page, 'Report Viewed');
  await events.waitForCount(1, { userId, event: 'Report Viewed' });
  await sleep(1_500);
  expect(chunks.widgets).toEqual([]);

  // Control: once there is something to show, the chunk is fetched and draws the prompt.
  await trackNow(page, 'Export Finished');
  await expect(surveyDialog(page)).toBeVisible();
  expect(chunks.widgets.length).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
});
