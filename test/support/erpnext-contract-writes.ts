import type { Doc } from '@shopsync/erpnext-client';
import { contractFixtures, FAR_DATE, type ContractTarget } from './erpnext-contract-fixtures';

/**
 * The client's write helpers against the site: insert_many (one transaction per call), the
 * whole-table child edit and the compare-and-swap update with re-read on TimestampMismatchError.
 * Concurrent writers are played by the test itself, inside the callback, between read and write.
 */
export function erpnextWritesContract(t: () => ContractTarget): void {
  const { key, customerBody, customer, line, order } = contractFixtures(t);

  describe('writes', () => {
    test('insertMany inserts in order and returns the names; the battery deletes them again', async () => {
      const docs = ['many-a', 'many-b', 'many-c'].map((suffix) => customerBody(suffix));
      const names = await t().client.insertMany('Customer', docs);
      expect(names).toEqual(docs.map((d) => d.customer_name));
      const found = await t().client.listDocs('Customer', { fields: ['name', key.fieldname], filters: [[key.fieldname, 'like', `${t().runId}:many-%`]], orderBy: 'name asc' });
      expect(found.map((d) => d[key.fieldname])).toEqual([`${t().runId}:many-a`, `${t().runId}:many-b`, `${t().runId}:many-c`]);
      for (const name of names) await t().client.deleteDoc('Customer', name);
    });

    test('one insert_many call is all-or-nothing: a bad document leaves none of the batch behind', async () => {
      // A Customer without customer_name fails in Customer.autoname: 500 AttributeError (observed).
      const docs = [customerBody('batch-ok'), { ...customerBody('batch-bad'), customer_name: undefined }];
      await expect(t().client.insertMany('Customer', docs)).rejects.toMatchObject({
        code: 'erpnext.server_error',
        retryable: false,
        details: { status: 500, excType: 'AttributeError', insertMany: { failedCall: 1, calls: 1, committedNames: [] } },
      });
      await expect(t().client.findOne('Customer', { [key.fieldname]: `${t().runId}:batch-ok` })).resolves.toBeUndefined();
    });

    test('updateChildTable sends the whole table: kept rows stay, dropped rows go, new rows get names', async () => {
      const c = await customer('child-helper');
      const draft = await order(c.name!, { items: [line(0), line(1, { qty: 2 })] });
      const [first, second] = draft.items as Doc[];
      const updated = await t().client.updateChildTable('Sales Order', draft.name!, 'items', (rows) => [
        { name: rows[0]?.name, qty: 5 },
        line(1, { qty: 4, delivery_date: FAR_DATE }),
      ]);
      const rows = updated.items as Doc[];
      expect(rows.map((r) => [r.item_code, r.qty])).toEqual([[t().site.stockItems[0], 5], [t().site.stockItems[1], 4]]);
      expect(rows[0]?.name).toBe(first?.name);
      expect([first?.name, second?.name]).not.toContain(rows[1]?.name);
    });

    test('updateChildTable re-reads and re-applies when someone saved in between; their change survives', async () => {
      const c = await customer('child-conflict');
      const draft = await order(c.name!, { items: [line(0, { qty: 1 })] });
      let calls = 0;
      const updated = await t().client.updateChildTable('Sales Order', draft.name!, 'items', async (rows) => {
        calls += 1;
        if (calls === 1) await t().client.updateDoc('Sales Order', draft.name!, { po_no: `PO-${t().runId}` });
        return rows.map((row) => ({ name: row.name, qty: Number(row.qty) + 1 }));
      });
      expect(calls).toBe(2);
      expect(updated).toMatchObject({ po_no: `PO-${t().runId}`, items: [expect.objectContaining({ qty: 2 })] });
    });

    test('updateWithRetryOnConflict: one interleaved save is absorbed; a writer that never stops wins', async () => {
      const c = await customer('cas');
      let calls = 0;
      const updated = await t().client.updateWithRetryOnConflict('Customer', c.name!, async (doc) => {
        calls += 1;
        if (calls === 1) await t().client.updateDoc('Customer', c.name!, { customer_details: 'interleaved' });
        return { tax_id: `${String(doc.customer_details ?? 'none')}-${calls}` };
      });
      expect({ calls, tax_id: updated.tax_id, details: updated.customer_details }).toEqual({ calls: 2, tax_id: 'interleaved-2', details: 'interleaved' });
      const stubborn = t().client.updateWithRetryOnConflict('Customer', c.name!, async (doc) => {
        await t().client.updateDoc('Customer', c.name!, { customer_details: `again ${String(doc.modified)}` });
        return { tax_id: 'never' };
      }, { maxAttempts: 2 });
      await expect(stubborn).rejects.toMatchObject({ code: 'erpnext.timestamp_mismatch' });
    });
  });
}
