import type { AccountSummary } from '@cairn/protocol';

/** Columns of `GET /v1/accounts.csv`, in order. */
export const CSV_COLUMNS = [
  'accountId',
  'name',
  'tier',
  'stage',
  'health',
  'band',
  'outcome',
  'experience',
  'nps',
  'activated',
  'activatedAt',
  'timeToValueDays',
  'activeUsers30d',
  'lastSeenAt',
  'flags',
] as const satisfies readonly (keyof AccountSummary)[];

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF. A text starting with
 * `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so a spreadsheet shows it instead of running
 * it as a formula (account names and traits come from end users' browsers).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = Array.isArray(value) ? value.join(' ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV document of account summaries: a header line, then one CRLF-terminated line per account. */
export function accountsCsv(accounts: readonly AccountSummary[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const account of accounts) lines.push(CSV_COLUMNS.map((column) => csvCell(account[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
