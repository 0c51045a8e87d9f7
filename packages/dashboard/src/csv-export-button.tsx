import { useState } from 'preact/hooks';
import type { AccountQuery } from './account-query.ts';
import type { ApiClient } from './api-client.ts';
import type { DownloadBlob } from './download-blob.ts';

/** File name of an export, dated so several exports do not overwrite each other. */
export function csvFileName(now: Date = new Date()): string {
  return `cairn-accounts-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * Exports the accounts matching the current filters. A plain link cannot carry the
 * Authorization header, so the file is fetched and then saved from a Blob.
 */
export function CsvExportButton({ api, query, download }: { api: ApiClient; query: AccountQuery; download: DownloadBlob }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const exportCsv = async () => {
    setState({ busy: true, error: null });
    try {
      const blob = await api.exportAccountsCsv(query);
      download(blob, csvFileName());
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="export">
      <button type="button" onClick={exportCsv} disabled={state.busy} aria-busy={state.busy}>
        {state.busy ? 'Exporting…' : 'Export CSV'}
      </button>
      {state.error && (
        <p class="status-error" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}
