import { createHash } from 'node:crypto';
import { coreFailure, describeCustomerDrift, describeFailure, type CustomerDriftFinding, type ShopifyCustomer, type SyncSettings } from '@shopsync/core';
import { customerDelivery } from '../admin-read/inbox-deliveries';
import { listCustomerWindow } from '../admin-read/list-customer-window';
import type { ShopifyCustomerReads } from '../admin-read/types';
import { checkCustomer, customerLabel, type CheckCustomerContext, type NotComparedCustomer } from './check-customer';
import type { ErpnextReads } from './compare-order';
import { failureReason, readWithRetry, realRetryDeps, type RetryDeps } from './read-with-retry';
import type { ReconcileEvent, ShopStop } from './reconcile-events';
import { recordFindings, type FindingsTarget, type FindingToRecord } from './record-findings';
import { stopWatch } from './shop-stop';

export type { NotComparedCustomer } from './check-customer';

export interface ReconcileCustomersOptions {
  readonly shop: string;
  readonly shopify: ShopifyCustomerReads;
  readonly erpnext: ErpnextReads;
  readonly settings: SyncSettings;
  /** ISO-8601 instants: the customers updated in this window are compared. */
  readonly since: string;
  readonly until: string | null;
  /** As for orders (ReconcileShopOptions.findings): record each drifted customer, or requeue it at once. */
  readonly findings: FindingsTarget | null;
  /** Retries, customers not compared and a stop, as they happen (the events orders report). */
  readonly onEvent?: (event: ReconcileEvent) => void;
  readonly retry?: RetryDeps;
}

export interface CustomerDriftReport {
  /** Shopify's customer id (legacyResourceId) and display name. */
  readonly id: string;
  readonly name: string;
  readonly findings: ReadonlyArray<CustomerDriftFinding & { readonly message: string }>;
}

export interface ReconcileCustomersResult {
  readonly shop: string;
  /** Customers updated in the window. */
  readonly listed: number;
  readonly compared: number;
  readonly drifted: readonly CustomerDriftReport[];
  readonly notCompared: readonly NotComparedCustomer[];
  /** Set when the rest of the window could not be compared (the list unreadable, auth refused, a service unreachable). */
  readonly stopped: ShopStop | null;
  readonly findingsRecorded: number;
  readonly repairsEnqueued: number;
}

/**
 * A drifted customer as the parked event that records it and whose requeue repairs it: a
 * customers/update carrying the customer as Shopify holds it now, so the runner plans it as that
 * webhook and its update writes the Shopify-owned fields back (keyed ensures create what is missing).
 * The id names the findings too: the same drift is recorded once, a new one after a repair again.
 */
function findingToRecord(shop: string, apiVersion: string, customer: ShopifyCustomer, report: CustomerDriftReport): FindingToRecord {
  const messages = report.findings.map((finding) => finding.message);
  const digest = createHash('sha256').update(messages.join('\n')).digest('hex').slice(0, 12);
  const failure = coreFailure('drift.customer_differs', { kind: 'customer', label: report.name, shopifyId: report.id }, { findings: messages.join('; ') });
  return {
    delivery: customerDelivery(shop, `reconcile-customer:${report.id}:${customer.updatedAt ?? ''}:${digest}`, customer, apiVersion),
    failure: { code: failure.code, category: failure.category, retryable: failure.retryable, message: describeFailure(failure), details: { subject: failure.subject, findings: report.findings } },
  };
}

/**
 * Customers, compared like orders (DESIGN G7): every customer updated in the window is read with its
 * addresses, planned as its customers/update webhook would be, and ERPNext's Customer, Contact and
 * Addresses compared with the plan — present under their keys, and holding Shopify's value in each
 * field Shopify owns under field authority (set_on_create and ERPNext-owned fields are never drift).
 * Each difference is a sentence; each drifted customer a drift failure whose requeue repairs it.
 * Nothing is written to ERPNext. Reads never throw: a customer that cannot be read is listed as not
 * compared, and a failure that holds for the whole shop stops it with a reason.
 */
export async function reconcileCustomers(options: ReconcileCustomersOptions): Promise<ReconcileCustomersResult> {
  const { shop, shopify } = options;
  const retry = options.retry ?? realRetryDeps;
  const listing = await readWithRetry(() => listCustomerWindow(options), retry, (error, attempt, delayMs) => options.onEvent?.({ type: 'retry', shop, order: null, code: error.code, attempt, delayMs }));
  if (!listing.ok) {
    const stop = { code: listing.error.code, reason: `the customers of the window could not be listed: ${failureReason(listing.error, listing.attempts)}`, unvisited: 0 };
    options.onEvent?.({ type: 'stopped', shop, stop });
    return { shop, listed: 0, compared: 0, drifted: [], notCompared: [], stopped: stop, findingsRecorded: 0, repairsEnqueued: 0 };
  }
  const listed = listing.value;
  const ctx: CheckCustomerContext = { shop, shopify, erpnext: options.erpnext, settings: options.settings, retry, onEvent: options.onEvent };
  const drifted: CustomerDriftReport[] = [];
  const notCompared: NotComparedCustomer[] = [];
  const toRecord: FindingToRecord[] = [];
  const watch = stopWatch('customer');
  let compared = 0;
  let stopped: ShopStop | null = null;
  for (const [index, summary] of listed.entries()) {
    const check = await checkCustomer(summary, ctx);
    if (check.kind === 'not_compared') {
      notCompared.push(check.order);
      options.onEvent?.({ type: 'not_compared', shop, order: check.order });
    } else {
      compared += 1;
      if (check.findings.length > 0) {
        const report = { id: summary.legacyResourceId, name: customerLabel(summary), findings: check.findings.map((finding) => ({ ...finding, message: describeCustomerDrift(finding) })) };
        drifted.push(report);
        toRecord.push(findingToRecord(shop, shopify.graphql.apiVersion, check.customer, report));
      }
    }
    const stop = watch(check);
    if (stop !== null) {
      stopped = { ...stop, unvisited: listed.length - index - 1 };
      options.onEvent?.({ type: 'stopped', shop, stop: stopped });
      break;
    }
  }
  const settled = options.findings === null ? { findingsRecorded: 0, repairsEnqueued: 0 } : await recordFindings(options.findings, shop, toRecord, []);
  return { shop, listed: listed.length, compared, drifted, notCompared, stopped, ...settled };
}
