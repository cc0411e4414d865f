import { describe, expect, it } from 'vitest';
import { EXACT, indexForSearch, NO_MATCH, PREFIX, search, searchTexts, SUBSTRING, termQuality, type Searchable } from './match';

const item = (name: string, namespace?: string, labels?: Record<string, string>, kind = 'Deployment'): Searchable => ({
  name,
  namespace,
  kind,
  labels,
});
const names = (items: readonly Searchable[], query: string) =>
  search(
    indexForSearch(items, (i) => i),
    query,
  ).map((i) => (i.namespace ? `${i.namespace}/${i.name}` : i.name));

describe('termQuality', () => {
  it('tells exact from prefix from substring from no match', () => {
    expect(termQuality('web', 'web')).toBe(EXACT);
    expect(termQuality('web-api', 'web')).toBe(PREFIX);
    expect(termQuality('shop-web', 'web')).toBe(SUBSTRING);
    expect(termQuality('api', 'web')).toBe(NO_MATCH);
  });
});

describe('searchTexts', () => {
  it('are the name, the kind, namespace/name and key=value per label, in lower case', () => {
    expect(searchTexts(item('Web', 'Shop', { App: 'Web', tier: 'front' }))).toEqual([
      'web',
      'deployment',
      'shop/web',
      'app=web',
      'tier=front',
    ]);
  });
});

describe('search', () => {
  const items = [
    item('api', 'shop', { app: 'api', tier: 'backend' }),
    item('web-api', 'shop', { app: 'web-api', tier: 'frontend' }),
    item('web', 'shop', { app: 'web', tier: 'frontend' }),
    item('shop-web', 'billing', { app: 'shop-web' }),
    item('db', 'shop', { app: 'db' }, 'StatefulSet'),
  ];

  it('finds by name, namespace/name, kind and label, whatever the case', () => {
    expect(names(items, 'WEB')).toEqual(['shop/web', 'shop/web-api', 'billing/shop-web']);
    expect(names(items, 'shop/w')).toEqual(['shop/web', 'shop/web-api']);
    expect(names(items, 'statefulset')).toEqual(['shop/db']);
    expect(names(items, 'tier=backend')).toEqual(['shop/api']);
    expect(names(items, 'nothing')).toEqual([]);
  });

  it('puts exact matches first, then prefixes, then substrings', () => {
    // api: exact name; web-api: substring of the name; tier=backend matches no `api`.
    expect(names(items, 'api')).toEqual(['shop/api', 'shop/web-api']);
    // The label's exact `tier=frontend` is better than a name merely holding `front`.
    expect(names([item('frontier'), item('x', 'ns', { tier: 'frontend' }), item('y', 'ns', { role: 'upfront' })], 'front')).toEqual([
      'frontier',
      'ns/x',
      'ns/y',
    ]);
    expect(names([item('upfront'), item('front-end'), item('front')], 'front')).toEqual(['front', 'front-end', 'upfront']);
  });

  it('puts shorter names first among equal matches, then keeps the given order', () => {
    const svcs = ['svc-100', 'svc-12', 'svc-1', 'svc-10', 'svc-11'].map((n) => item(n));
    expect(names(svcs, 'svc-1')).toEqual(['svc-1', 'svc-12', 'svc-10', 'svc-11', 'svc-100']);
  });

  it('needs every word of the query to match, and adds up how well they do', () => {
    // Both words match both; the shorter name first.
    expect(names(items, 'shop frontend')).toEqual(['shop/web', 'shop/web-api']);
    // `api` is the whole name of one and inside the other's.
    expect(names(items, 'shop api')).toEqual(['shop/api', 'shop/web-api']);
    expect(names(items, 'web tier=frontend')).toEqual(['shop/web', 'shop/web-api']);
    expect(names(items, 'billing tier=frontend')).toEqual([]);
  });

  it('lists everything in the given order for an empty query', () => {
    expect(names(items, '  ')).toEqual(['shop/api', 'shop/web-api', 'shop/web', 'billing/shop-web', 'shop/db']);
  });
});
