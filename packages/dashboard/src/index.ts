export { mountDashboard } from './mount-dashboard.tsx';
export type { MountOptions } from './mount-dashboard.tsx';
export { createApiClient } from './api-client.ts';
export type { ApiClient, ApiClientOptions, RequestOptions } from './api-client.ts';
export type { ApiError } from './api-error.ts';
export { isApiError } from './api-error.ts';
export type { AccountQuery, AccountSort } from './account-query.ts';
export { accountQueryParams, parseAccountQuery } from './account-query.ts';
