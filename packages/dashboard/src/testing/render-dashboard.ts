// Mounts the whole dashboard into the test page, as the collector's page would.
import { vi } from 'vitest';
import { mountDashboard } from '../mount-dashboard.tsx';
import { SESSION_STORAGE_KEY } from '../session.ts';
import { GOOD_KEY } from './mock-api.ts';

export interface RenderedDashboard {
  container: HTMLElement;
  download: ReturnType<typeof vi.fn<(blob: Blob, filename: string) => void>>;
  unmount(): void;
}

let mounted: RenderedDashboard | null = null;

/** Renders the dashboard at `hash` with `key` already in sessionStorage (the mock's good key by default; null: signed out). */
export function renderDashboard({ hash = '', key = GOOD_KEY }: { hash?: string; key?: string | null } = {}): RenderedDashboard {
  cleanupDashboard();
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  if (key !== null) sessionStorage.setItem(SESSION_STORAGE_KEY, key);
  const container = document.createElement('div');
  document.body.append(container);
  const download = vi.fn<(blob: Blob, filename: string) => void>();
  const unmount = mountDashboard(container, { download });
  mounted = {
    container,
    download,
    unmount: () => {
      unmount();
      container.remove();
    },
  };
  return mounted;
}

/** Removes what {@link renderDashboard} mounted and forgets the key and the hash. */
export function cleanupDashboard(): void {
  mounted?.unmount();
  mounted = null;
  sessionStorage.removeItem(SESSION_STORAGE_KEY);
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}
