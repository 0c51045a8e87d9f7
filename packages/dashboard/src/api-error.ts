import type { ErrorResponse } from '@cairn/protocol';

/** An answer of the CSM API that is not a success, or a request that never got one. */
export interface ApiError extends Error {
  name: 'ApiError';
  /** HTTP status, 0 when the collector could not be reached. */
  status: number;
  /** Machine-readable code from the collector's `{ error: { code } }`, or one of ours. */
  code: string;
}

/** Creates an {@link ApiError}; `message` follows "Failed to <action>: <cause>. Please <fix>." */
export function createApiError(status: number, code: string, message: string): ApiError {
  return Object.assign(new Error(message), { name: 'ApiError' as const, status, code });
}

/** True for errors made by {@link createApiError}. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === 'ApiError' && typeof (error as ApiError).status === 'number';
}

/** True for the rejection of an aborted fetch (a superseded request, not a failure). */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Turns a non-2xx response into an {@link ApiError}, keeping the collector's own message
 * when the body is the JSON error shape, else describing the status.
 */
export async function readApiError(response: Response, action: string): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: fall back to the status below.
  }
  const error = (body as Partial<ErrorResponse> | null)?.error;
  if (error && typeof error.message === 'string' && typeof error.code === 'string') {
    return createApiError(response.status, error.code, error.message);
  }
  if (response.status === 401) {
    return createApiError(401, 'unauthorized', `Failed to ${action}: the secret key was not accepted. Please check the key and sign in again.`);
  }
  return createApiError(
    response.status,
    `http_${response.status}`,
    `Failed to ${action}: the collector answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. Please try again in a moment.`,
  );
}
