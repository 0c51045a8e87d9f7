import { expect, test } from 'vitest';
import { accountQueryParams, hasFilters, parseAccountQuery, PAGE_SIZE } from './account-query.ts';

test('parses known values and drops unknown ones instead of passing them on', () => {
  const query = parseAccountQuery(new URLSearchParams('band=red&tier=Z&stage=renewal&flag=nope&q=%20acme%20&sort=evil&limit=9999&cursor=c1'));
  expect(query).toEqual({ band: 'red', tier: undefined, stage: 'renewal', flag: undefined, q: 'acme', sort: 'health', limit: PAGE_SIZE, cursor: 'c1' });
});

test('round-trips through URL parameters', () => {
  const query = { band: 'yellow', tier: 'A', stage: 'growth', flag: 'inactive_14d', q: 'x y', sort: '-activeUsers30d', limit: 20, cursor: 'n2' } as const;
  expect(parseAccountQuery(accountQueryParams(query))).toEqual(query);
});

test('filters-and-sort leaves out the page', () => {
  expect(String(accountQueryParams({ q: 'a', sort: 'name', limit: 50, cursor: 'c' }, 'filters-and-sort'))).toBe('q=a&sort=name');
});

test('hasFilters ignores sort and paging', () => {
  expect(hasFilters({ sort: '-health', limit: 10, cursor: 'c' })).toBe(false);
  expect(hasFilters({ sort: 'health', limit: 50, flag: 'usage_drop' })).toBe(true);
});
