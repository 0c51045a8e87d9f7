import { useState } from 'preact/hooks';
import { hasFilters, type AccountQuery } from './account-query.ts';
import { AccountFilters } from './account-filters.tsx';
import { AccountsTable } from './accounts-table.tsx';
import type { ApiClient } from './api-client.ts';
import { CsvExportButton } from './csv-export-button.tsx';
import type { DownloadBlob } from './download-blob.ts';
import { Pagination } from './pagination.tsx';
import { Empty, ErrorMessage, Loading } from './status-message.tsx';
import { useResource } from './use-resource.ts';

/** Props of {@link AccountsPage}. */
export interface AccountsPageProps {
  api: ApiClient;
  /** Filters and sort from the URL. */
  query: AccountQuery;
  /** Puts new filters or sort in the URL. */
  onQueryChange: (query: AccountQuery) => void;
  download: DownloadBlob;
}

interface Paging {
  filterKey: string;
  trail: (string | undefined)[];
  cursor: string | undefined;
}

/** The accounts list with filters, sortable columns, pages and CSV export. */
export function AccountsPage({ api, query, onQueryChange, download }: AccountsPageProps) {
  // The API only pages forward: keep the cursors of the pages before this one. Paging
  // belongs to one set of filters and sort, so another set starts again at page one.
  const filterKey = JSON.stringify({ ...query, cursor: undefined });
  const [paging, setPaging] = useState<Paging>({ filterKey, trail: [], cursor: undefined });
  const { trail, cursor } = paging.filterKey === filterKey ? paging : { trail: [], cursor: undefined };

  const [list, reload] = useResource((signal) => api.listAccounts({ ...query, cursor }, { signal }), [api, filterKey, cursor]);
  // While a new page or order loads, the previous rows stay (marked busy) so focus stays put.
  const shown = list.status === 'ready' ? list.data : list.status === 'loading' ? list.stale : undefined;

  return (
    <section class="page" aria-labelledby="accounts-title">
      <div class="page-head">
        <h1 id="accounts-title">Accounts</h1>
        <CsvExportButton api={api} query={query} download={download} />
      </div>
      <AccountFilters query={query} onChange={onQueryChange} />
      {list.status === 'loading' && <Loading>Loading accounts…</Loading>}
      {list.status === 'error' && <ErrorMessage error={list.error} onRetry={reload} />}
      {shown &&
        (shown.accounts.length === 0 ? (
          <Empty>
            {hasFilters(query)
              ? 'No accounts match these filters. Clear a filter to see more.'
              : 'No accounts yet. Accounts appear once your product sends group() calls with an account id.'}
          </Empty>
        ) : (
          <div aria-busy={list.status === 'loading'}>
            <AccountsTable accounts={shown.accounts} sort={query.sort} onSort={(sort) => onQueryChange({ ...query, sort, cursor: undefined })} />
            <Pagination
              offset={trail.length * query.limit}
              count={shown.accounts.length}
              total={shown.total}
              onPrevious={
                trail.length > 0 && list.status === 'ready'
                  ? () => setPaging({ filterKey, trail: trail.slice(0, -1), cursor: trail[trail.length - 1] })
                  : undefined
              }
              onNext={
                shown.next !== null && list.status === 'ready'
                  ? () => setPaging({ filterKey, trail: [...trail, cursor], cursor: shown.next ?? undefined })
                  : undefined
              }
            />
          </div>
        ))}
    </section>
  );
}
