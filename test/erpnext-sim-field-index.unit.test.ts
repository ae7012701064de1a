import { SiteStore } from '../packages/simulators/src/erpnext/site/site-store';

// The store's index on a column (site/field-index.ts) answers `where` without a table scan; it must
// agree with the table through every kind of write, a rollback included, or a unique check or an
// upsert by key would trust a row that is gone or miss one that is there.
describe('ERPNext simulator store: lookups by column through an index', () => {
  const names = (store: SiteStore, value: unknown) => store.where('Sync Log', 'event_id', value).map((doc) => doc.name);

  test('finds under the database collation, skips NULL, and reads only the rows it returns', () => {
    const store = new SiteStore();
    for (let i = 0; i < 50; i += 1) store.put('Sync Log', { name: `log-${i}`, event_id: `Evt-${i}` });
    store.put('Sync Log', { name: 'log-null', event_id: null });
    expect(names(store, 'evt-7 ')).toEqual(['log-7']);
    const before = store.rowsRead;
    expect(names(store, 'EVT-8')).toEqual(['log-8']);
    expect(names(store, 'evt-99')).toEqual([]);
    expect(names(store, null)).toEqual([]);
    expect(store.rowsRead - before).toBe(1);
  });

  test('follows inserts, changed values and deletes made after the index was built', () => {
    const store = new SiteStore();
    store.put('Sync Log', { name: 'a', event_id: 'one' });
    expect(names(store, 'one')).toEqual(['a']);
    store.put('Sync Log', { name: 'b', event_id: 'two' });
    store.put('Sync Log', { name: 'a', event_id: 'three' });
    expect([names(store, 'one'), names(store, 'two'), names(store, 'three')]).toEqual([[], ['b'], ['a']]);
    store.delete('Sync Log', 'b');
    expect(names(store, 'two')).toEqual([]);
  });

  test('a rollback restores the index with the rows', () => {
    const store = new SiteStore();
    store.put('Sync Log', { name: 'a', event_id: 'one' });
    store.put('Sync Log', { name: 'b', event_id: 'two' });
    expect(names(store, 'one')).toEqual(['a']);
    store.begin();
    store.put('Sync Log', { name: 'c', event_id: 'new' });
    store.put('Sync Log', { name: 'a', event_id: 'renamed' });
    store.delete('Sync Log', 'b');
    store.rollback();
    expect([names(store, 'one'), names(store, 'two'), names(store, 'new'), names(store, 'renamed')]).toEqual([['a'], ['b'], [], []]);
  });

  test('clear drops the index with the tables', () => {
    const store = new SiteStore();
    store.put('Sync Log', { name: 'a', event_id: 'one' });
    expect(names(store, 'one')).toEqual(['a']);
    store.clear();
    expect(names(store, 'one')).toEqual([]);
    store.put('Sync Log', { name: 'z', event_id: 'one' });
    expect(names(store, 'one')).toEqual(['z']);
  });
});
