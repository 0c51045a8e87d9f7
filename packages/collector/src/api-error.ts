import type { ErrorResponse } from '@cairn/protocol';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error the collector answers as `{ error: { code, message } }` with an HTTP status. */
export interface ApiError extends Error {
  status: ContentfulStatusCode;
  code: string;
  headers?: Record<string, string>;
}

/**
 * Creates an error to throw from a handler; the app's error handler answers it as JSON.
 *
 * @param message - in the formula "Failed to <action>: <cause>. Please <fix>."
 */
export function apiError(status: ContentfulStatusCode, code: string, message: string, headers?: Record<string, string>): ApiError {
  return Object.assign(new Error(message), { status, code, ...(headers ? { headers } : {}) });
}

/** Whether a thrown value came from {@link apiError}. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && typeof (error as ApiError).status === 'number' && typeof (error as ApiError).code === 'string';
}

/** The JSON body of an error answer. */
export function errorBody(code: string, message: string): ErrorResponse {
  return { error: { code, message } };
}
