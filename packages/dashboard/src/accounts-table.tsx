import type { AccountSummary } from '@cairn/protocol';
import type { AccountSort } from './account-query.ts';
import { FlagChips } from './flag-chips.tsx';
import { formatAgo, formatDate, formatNps, formatNumber } from './format.ts';
import { HealthBar } from './health-bar.tsx';
import { STAGE_LABELS } from './labels.ts';
import { accountHash } from './router.ts';

/** A sortable column: the orders the API accepts for it, the first one used on the first click. */
interface SortableColumn {
  label: string;
  orders: readonly [AccountSort, ...AccountSort[]];
}

const SORTABLE: Record<'name' | 'health' | 'nps' | 'activeUsers30d' | 'lastSeenAt', SortableColumn> = {
  name: { label: 'Account', orders: ['name'] },
  health: { label: 'Health', orders: ['health', '-health'] },
  nps: { label: 'NPS', orders: ['nps', '-nps'] },
  activeUsers30d: { label: 'Active users (30 d)', orders: ['-activeUsers30d', 'activeUsers30d'] },
  lastSeenAt: { label: 'Last seen', orders: ['lastSeenAt'] },
};

const direction = (sort: AccountSort) => (sort.startsWith('-') ? 'descending' : 'ascending');

function SortHeader({ column, sort, onSort }: { column: SortableColumn; sort: AccountSort; onSort: (sort: AccountSort) => void }) {
  const index = column.orders.indexOf(sort);
  const active = index >= 0;
  const next = column.orders[(index + 1) % column.orders.length] ?? column.orders[0];
  return (
    <th scope="col" aria-sort={active ? direction(sort) : 'none'}>
      <button type="button" class="sort" onClick={() => onSort(next)} aria-label={`${column.label}: sort ${direction(next)}`}>
        {column.label}
        <span class="sort-mark" aria-hidden="true">
          {active ? (direction(sort) === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}

/** Activation status and time to value in one cell. */
function Activation({ account }: { account: AccountSummary }) {
  if (!account.activated) return <span class="muted">Not activated</span>;
  return (
    <span title={account.activatedAt ? `Activated ${formatDate(account.activatedAt)}` : undefined}>
      Activated
      {account.timeToValueDays !== null && <span class="muted"> in {formatNumber(account.timeToValueDays, 0)} d</span>}
    </span>
  );
}

/**
 * The accounts list. Scrolls sideways inside its own box on narrow screens, with the
 * account column sticky, so the page itself never overflows.
 */
export function AccountsTable({
  accounts,
  sort,
  onSort,
  now = Date.now(),
}: {
  accounts: readonly AccountSummary[];
  sort: AccountSort;
  onSort: (sort: AccountSort) => void;
  now?: number;
}) {
  return (
    <div class="table-scroll" role="region" aria-label="Accounts table" tabIndex={0}>
      <table class="accounts">
        <thead>
          <tr>
            <SortHeader column={SORTABLE.name} sort={sort} onSort={onSort} />
            <SortHeader column={SORTABLE.health} sort={sort} onSort={onSort} />
            <th scope="col">Tier</th>
            <th scope="col">Stage</th>
            <th scope="col">Flags</th>
            <SortHeader column={SORTABLE.nps} sort={sort} onSort={onSort} />
            <th scope="col">Activation</th>
            <SortHeader column={SORTABLE.activeUsers30d} sort={sort} onSort={onSort} />
            <SortHeader column={SORTABLE.lastSeenAt} sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.accountId}>
              <th scope="row" class="account-cell">
                <a href={accountHash(account.accountId)}>{account.name ?? account.accountId}</a>
                {account.name !== null && <span class="account-id">{account.accountId}</span>}
              </th>
              <td>
                <HealthBar health={account.health} band={account.band} />
              </td>
              <td>{account.tier}</td>
              <td>{STAGE_LABELS[account.stage] ?? account.stage}</td>
              <td>
                <FlagChips flags={account.flags} />
              </td>
              <td class="num">{formatNps(account.nps)}</td>
              <td>
                <Activation account={account} />
              </td>
              <td class="num">{formatNumber(account.activeUsers30d, 0)}</td>
              <td title={account.lastSeenAt ? formatDate(account.lastSeenAt) : undefined}>{formatAgo(account.lastSeenAt, now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
