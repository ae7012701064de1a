import { coreFailure, customerDrift, describeFailure, parseGraphqlCustomer, planCustomerEvent, type CustomerDriftFinding, type HeldDocument, type Plan, type ShopifyCustomer, type SyncError, type SyncSettings } from '@shopsync/core';
import { CUSTOMER_ADDRESSES_READ, type ShopifyCustomerDetail, type ShopifyCustomer as ShopifyCustomerSummary } from '@shopsync/shopify-client';
import type { ShopifyCustomerReads } from '../admin-read/types';
import type { ErpnextReads } from './compare-order';
import { failureReason, readWithRetry, type RetryDeps } from './read-with-retry';
import type { NotComparedOrder, ReconcileEvent } from './reconcile-events';

export interface CheckCustomerContext {
  readonly shop: string;
  readonly shopify: ShopifyCustomerReads;
  readonly erpnext: ErpnextReads;
  readonly settings: SyncSettings;
  readonly retry: RetryDeps;
  readonly onEvent?: (event: ReconcileEvent) => void;
}

/** A customer of the window that was not compared: the same shape, codes and reasons as an order's. */
export type NotComparedCustomer = NotComparedOrder;

export interface ComparedCustomer {
  readonly kind: 'compared';
  /** The customer as read and parsed: a drifted one is recorded (and repaired) from it. */
  readonly customer: ShopifyCustomer;
  readonly findings: readonly CustomerDriftFinding[];
}

/** `order` names the customer: the field is the orders' check's, so stopWatch and the reconcile events serve both. */
export type CustomerCheck = ComparedCustomer | { readonly kind: 'not_compared'; readonly order: NotComparedCustomer; readonly error: SyncError | null };

/** How reports name a customer: Shopify's display name, which is empty for a customer with no name, e-mail or phone. */
export function customerLabel(summary: Pick<ShopifyCustomerSummary, 'displayName' | 'legacyResourceId'>): string {
  return summary.displayName.trim() === '' ? `Shopify customer ${summary.legacyResourceId}` : summary.displayName;
}

/**
 * What ERPNext holds for each document the plan ensures, found by its key (the worker's own lookup,
 * apply-ensure-document.ts) and read in full: the Contact's e-mail and phone rows are child tables,
 * which a list read does not return.
 */
async function heldDocuments(plan: Plan, erpnext: ErpnextReads): Promise<Map<string, HeldDocument>> {
  const held = new Map<string, HeldDocument>();
  for (const op of plan.operations) {
    if (op.kind !== 'ensure_document') continue;
    const found = await erpnext.findOne(op.doctype, { shopsync_key: op.key }, ['name']);
    if (found === null || found === undefined) continue;
    const name = String(found.name);
    held.set(op.key, { name, doc: await erpnext.getDoc(op.doctype, name) });
  }
  return held;
}

// Not-compared codes of reconcile's own, beside the errors' (reconcile-events.ts NotComparedOrder.code).
const UNREADABLE = 'reconcile.customer_unreadable';
const GONE = 'reconcile.customer_gone';

type CustomerRead = { readonly ok: true; readonly customer: ShopifyCustomer } | { readonly ok: false; readonly code: string; readonly reason: string };

/** The customer as the planner's value, or why the read cannot stand for it (more addresses than read, values the parser refuses). */
function customerFromRead(summary: ShopifyCustomerSummary, detail: ShopifyCustomerDetail): CustomerRead {
  // Planning from part of the addresses would leave the unread ones out of the comparison unnoticed.
  if (detail.addressesV2.pageInfo.hasNextPage) return { ok: false, code: UNREADABLE, reason: `it has more than ${CUSTOMER_ADDRESSES_READ} addresses, more than the client's CustomerById document reads` };
  const parsed = parseGraphqlCustomer(detail);
  if (parsed.ok) return { ok: true, customer: parsed.value };
  const failure = coreFailure('payload.invalid', { kind: 'customer', label: customerLabel(summary), shopifyId: summary.legacyResourceId }, { issues: parsed.issues.join('; ') });
  return { ok: false, code: failure.code, reason: describeFailure(failure) };
}

/**
 * One customer of the window: read it with its addresses from Shopify, plan it as its
 * customers/update webhook would be planned, and compare with what ERPNext holds. Each of the two
 * reads is retried on its own; any failure is returned as a not-compared customer, never thrown.
 */
export async function checkCustomer(summary: ShopifyCustomerSummary, ctx: CheckCustomerContext): Promise<CustomerCheck> {
  const onRetry = (error: SyncError, attempt: number, delayMs: number) => ctx.onEvent?.({ type: 'retry', shop: ctx.shop, order: customerLabel(summary), code: error.code, attempt, delayMs });
  const notCompared = (code: string, reason: string, attempts: number, error: SyncError | null = null): CustomerCheck => ({ kind: 'not_compared', order: { id: summary.legacyResourceId, name: customerLabel(summary), code, reason, attempts }, error });
  const read = await readWithRetry(() => ctx.shopify.customers.get(summary.id), ctx.retry, onRetry);
  if (!read.ok) return notCompared(read.error.code, failureReason(read.error, read.attempts), read.attempts, read.error);
  if (read.value === null) return notCompared(GONE, 'it no longer exists in Shopify', read.attempts);
  const customer = customerFromRead(summary, read.value);
  if (!customer.ok) return notCompared(customer.code, customer.reason, read.attempts);
  // Planned as a first sight (no applied version): what ERPNext must hold for Shopify's state now.
  const plan = planCustomerEvent(ctx.shop, customer.customer, ctx.settings, { appliedVersion: null });
  const held = await readWithRetry(() => heldDocuments(plan, ctx.erpnext), ctx.retry, onRetry);
  if (!held.ok) return notCompared(held.error.code, failureReason(held.error, held.attempts), held.attempts, held.error);
  return { kind: 'compared', customer: customer.customer, findings: customerDrift(plan, held.value) };
}
