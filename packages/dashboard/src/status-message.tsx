import type { ComponentChildren } from 'preact';

/** "Loading …" announced politely to screen readers. */
export function Loading({ children }: { children: ComponentChildren }) {
  return (
    <p class="status status-loading" role="status">
      {children}
    </p>
  );
}

/** Nothing to show, with a sentence saying why. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="status status-empty">{children}</p>;
}

/** A failed load: the error's message (already "Failed to …. Please …."), and a retry button. */
export function ErrorMessage({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <div class="status status-error" role="alert">
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
