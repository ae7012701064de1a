import { judgeInvariants, type ChaosEvidence } from '../packages/demo/src/chaos/judge-invariants';
import { duplicateDocumentsIn, ledgerOf, type ErpnextFindings } from '../packages/demo/src/demo/erpnext-findings';

// The chaos run's noDuplicateDocuments counts every kind of document the runner creates per Shopify
// record, Contacts and Addresses included: one Contact per Shopify customer, one Address per Shopify
// address id. A fabricated second one of each must be a violation naming it.

type Doc = Record<string, unknown> & { name: string };

const SHOP = 'chaos.myshopify.com';
const customer: Doc = { doctype: 'Customer', name: 'Ada Lovelace', shopify_customer_id: '7', shopsync_key: `customer:${SHOP}:7` };
const contact = (name: string, key: string): Doc => ({ doctype: 'Contact', name, shopsync_key: key, links: [{ link_doctype: 'Customer', link_name: 'Ada Lovelace' }] });
const address = (name: string): Doc => ({ doctype: 'Address', name, shopsync_key: `address:${SHOP}:70`, links: [{ link_doctype: 'Customer', link_name: 'Ada Lovelace' }] });

function findingsOf(docs: Record<string, Doc[]>): ErpnextFindings {
  const ledger = ledgerOf({ docs: (doctype: string) => docs[doctype] ?? [] });
  return { duplicateOrders: [], duplicateDocuments: duplicateDocumentsIn(ledger), unexpected: [], amounts: [], states: [], missing: [], ledger };
}

function evidence(findings: ErpnextFindings): ChaosEvidence {
  return {
    quiet: { ok: true, waitedMs: 1_000 },
    unfinished: [],
    gaveUp: 0,
    crashes: [],
    before: findings,
    after: findings,
    customerDrift: [],
    store: { events: 0, byStatus: {}, deliveries: 0, duplicateDeliveries: 0, notStored: [], unfinished: [], openFailures: [] },
    retry: { retried: 0, fixedByRetry: [], problems: [] },
    drift: { compared: 0, unexplained: [], explained: 0, notCompared: [], problems: [] },
  };
}

describe('chaos noDuplicateDocuments: Contacts and Addresses', () => {
  test('one Contact and one Address per Shopify record hold', () => {
    const judged = judgeInvariants(evidence(findingsOf({ Customer: [customer], Contact: [contact('Ada-1', `contact:${SHOP}:7`)], Address: [address('Ada-Shipping')] })));
    expect(judged.invariants.noDuplicateDocuments).toBe(true);
    expect(judged.violations).toEqual([]);
  });

  test('a second Contact of the same Shopify customer is a violation, even under another key', () => {
    const judged = judgeInvariants(evidence(findingsOf({ Customer: [customer], Contact: [contact('Ada-1', `contact:${SHOP}:7`), contact('Ada-2', `contact:${SHOP}:7#again`)] })));
    expect(judged.invariants.noDuplicateDocuments).toBe(false);
    expect(judged.violations).toEqual(['noDuplicateDocuments: Contacts of Customer Ada Lovelace: 2 documents (Ada-1, Ada-2)']);
  });

  test('a second Address for the same Shopify address id is a violation', () => {
    const judged = judgeInvariants(evidence(findingsOf({ Customer: [customer], Address: [address('Ada-Shipping'), address('Ada-Shipping-1')] })));
    expect(judged.invariants.noDuplicateDocuments).toBe(false);
    expect(judged.violations).toEqual([`noDuplicateDocuments: Addresses with key address:${SHOP}:70: 2 documents (Ada-Shipping, Ada-Shipping-1)`]);
  });
});
