import { formatNumber } from './format.ts';

/** "Showing 51–100 of 312" with previous/next buttons. */
export function Pagination({
  offset,
  count,
  total,
  onPrevious,
  onNext,
}: {
  offset: number;
  count: number;
  total: number;
  onPrevious?: () => void;
  onNext?: () => void;
}) {
  return (
    <nav class="pagination" aria-label="Pages">
      <p role="status">
        Showing {formatNumber(offset + 1, 0)}–{formatNumber(offset + count, 0)} of {formatNumber(total, 0)}
      </p>
      <button type="button" onClick={onPrevious} disabled={!onPrevious}>
        Previous page
      </button>
      <button type="button" onClick={onNext} disabled={!onNext}>
        Next page
      </button>
    </nav>
  );
}
