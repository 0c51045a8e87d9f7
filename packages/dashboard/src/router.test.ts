import { afterEach, expect, test } from 'vitest';
import { accountHash, accountsHash, createRouter, parseHash } from './router.ts';

afterEach(() => history.replaceState(null, '', location.pathname + location.search));

test('parses the list with its filters and the account page with an encoded id', () => {
  expect(parseHash('#/accounts?band=red&sort=-nps')).toEqual({
    page: 'accounts',
    query: { band: 'red', tier: undefined, stage: undefined, flag: undefined, q: undefined, sort: '-nps', limit: 50, cursor: undefined },
  });
  expect(parseHash(accountHash('a/b c'))).toEqual({ page: 'account', accountId: 'a/b c' });
});

test('anything unknown or malformed shows the list', () => {
  for (const hash of ['', '#', '#/nope', '#/accounts/%E0%A4%A', '#main']) expect(parseHash(hash).page).toBe('accounts');
});

test('a cursor in a shared link is ignored', () => {
  const route = parseHash('#/accounts?cursor=c5');
  expect(route.page === 'accounts' && route.query.cursor).toBeUndefined();
});

test('the router follows hashchange and go()', async () => {
  const router = createRouter(window);
  router.go(accountHash('acc_1'));
  expect(router.route.value).toEqual({ page: 'account', accountId: 'acc_1' });
  location.hash = accountsHash({ stage: 'renewal', sort: 'health', limit: 50 });
  await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
  expect(router.route.value).toMatchObject({ page: 'accounts', query: { stage: 'renewal' } });
  router.dispose();
  location.hash = accountHash('acc_2');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(router.route.value).toMatchObject({ page: 'accounts' });
});
