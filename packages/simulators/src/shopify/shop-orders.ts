import { parseAmountToCents } from './money';
import { chooseLine, newLineItem } from './line-item-record';
import { priceOrderLines } from './order-pricing';
import type { OrderShop } from './order-shop';
import { buildAddress, emailFor, patchAddress } from './shop-addresses';
import {
  ShopifySimulatorInputError,
  type CancelOrderInput,
  type CreateOrderInput,
  type OrderLineInput,
  type UpdateOrderInput,
} from './shop-inputs';
import { editOrder, type EditOrderInput } from './shop-order-edits';
import { samplePerson } from './sample-people';
import { SHOPIFY_CANCEL_REASONS, type CustomerRecord, type OrderEditRecord, type OrderRecord } from './types';

/** A checkout ends pending (manual payment), authorized (manual capture) or paid (automatic capture). */
const INITIAL_FINANCIAL_STATUSES: readonly string[] = ['pending', 'authorized', 'paid'];
/** An edit that raised the total of a paid order leaves it partially_paid until the balance is paid. */
const PAYABLE_FINANCIAL_STATUSES: readonly string[] = ['pending', 'authorized', 'partially_paid'];
const CONFIRMATION_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ123456789'.split('');

export interface CreatedOrder {
  order: OrderRecord;
  /** Set when the checkout created the customer, which fires customers/create as well. */
  createdCustomer: CustomerRecord | null;
}

/** The shop's orders and the merchant actions on them. Each action returns the changed record. */
export class ShopOrders {
  readonly byId = new Map<number, OrderRecord>();
  private nextNumber: number;

  constructor(private readonly shop: OrderShop) {
    this.nextNumber = shop.firstOrderNumber;
  }

  create(input: CreateOrderInput = {}): CreatedOrder {
    const { shop } = this;
    const { customer, createdCustomer } = this.resolveCustomer(input.customer);
    const person = customer ?? samplePerson(shop.prng);
    const defaultAddress = customer?.addresses.find((a) => a.isDefault);
    const shippingAddress = buildAddress({ ...defaultAddress, ...input.shippingAddress }, person, shop.prng);
    const billingAddress = input.billingAddress ? buildAddress(input.billingAddress, person, shop.prng) : { ...shippingAddress };
    const lineInputs = input.lines ?? this.randomLines();
    if (lineInputs.length === 0) throw new ShopifySimulatorInputError('lines', 'an order needs at least one line');
    const shipping = input.shipping === undefined ? { title: 'Standard Shipping', price: '5.00' } : input.shipping;
    const discount = input.discount ?? null;
    if (discount && !(discount.percentage > 0 && discount.percentage <= 100)) {
      throw new ShopifySimulatorInputError('discount.percentage', `percentage must be in (0, 100], received ${discount.percentage}`);
    }
    const priced = priceOrderLines(
      lineInputs.map((l) => newLineItem(shop, chooseLine(shop, l, 'lines'))),
      shipping ? [{ id: shop.ids.next('ShippingLine'), title: shipping.title ?? 'Standard Shipping', code: shipping.code ?? 'STANDARD', priceCents: parseAmountToCents(shipping.price) }] : [],
      discount,
      shop.tax,
    );
    const at = shop.changeInstant();
    const financialStatus = input.financialStatus ?? 'paid';
    if (!INITIAL_FINANCIAL_STATUSES.includes(financialStatus)) {
      throw new ShopifySimulatorInputError('financialStatus', `financialStatus must be one of ${INITIAL_FINANCIAL_STATUSES.join(', ')}, received ${JSON.stringify(financialStatus)}`);
    }
    const order: OrderRecord = {
      id: shop.ids.next('Order'),
      orderNumber: this.nextNumber++,
      token: shop.prng.hex(32),
      checkoutToken: shop.prng.hex(32),
      cartToken: shop.prng.hex(32),
      confirmationNumber: Array.from({ length: 9 }, () => shop.prng.pick(CONFIRMATION_ALPHABET)).join(''),
      createdAt: at,
      updatedAt: at,
      cancelledAt: null,
      cancelReason: null,
      closedAt: null,
      financialStatus,
      fulfillmentStatus: null,
      customerId: customer?.id ?? null,
      email: input.email !== undefined ? input.email : (customer?.email ?? emailFor(person, shop.prng)),
      phone: null,
      currency: shop.currency,
      test: input.test ?? false,
      tax: shop.tax,
      lines: priced.lines,
      shippingLines: priced.shippingLines,
      discount,
      billingAddress,
      shippingAddress,
      note: input.note ?? null,
      tags: input.tags ?? [],
      paymentGatewayNames: financialStatus === 'pending' ? ['manual'] : ['shopify_payments'],
      refunds: [],
      edits: [],
    };
    this.byId.set(order.id, order);
    shop.fulfillment.open(order);
    shop.transactions.opened(order);
    return { order, createdCustomer };
  }

  pay(id: number): OrderRecord {
    const order = this.get(id);
    if (order.cancelledAt) throw new ShopifySimulatorInputError('id', `order ${id} is cancelled and cannot be paid`);
    if (!PAYABLE_FINANCIAL_STATUSES.includes(order.financialStatus)) {
      throw new ShopifySimulatorInputError('id', `order ${id} is ${order.financialStatus}; only ${PAYABLE_FINANCIAL_STATUSES.join(', ')} orders can be paid`);
    }
    const previous = order.financialStatus;
    order.financialStatus = 'paid';
    this.touch(order);
    this.shop.transactions.paid(order, previous);
    return order;
  }

  /** Cancelling voids an unpaid order; a paid one stays "paid" because refunds are not simulated. */
  cancel(id: number, input: CancelOrderInput = {}): OrderRecord {
    const order = this.get(id);
    if (order.cancelledAt) throw new ShopifySimulatorInputError('id', `order ${id} is already cancelled`);
    const reasons: readonly string[] = Object.values(SHOPIFY_CANCEL_REASONS);
    if (input.reason !== undefined && !reasons.includes(input.reason)) {
      throw new ShopifySimulatorInputError('reason', `reason must be one of ${reasons.join(', ')}, received ${JSON.stringify(input.reason)}`);
    }
    this.touch(order);
    order.cancelledAt = order.updatedAt;
    order.closedAt = order.updatedAt;
    order.cancelReason = input.reason ?? 'customer';
    const previous = order.financialStatus;
    if (order.financialStatus === 'pending' || order.financialStatus === 'authorized') order.financialStatus = 'voided';
    this.shop.transactions.cancelled(order, previous);
    this.shop.fulfillment.cancel(order);
    return order;
  }

  update(id: number, patch: UpdateOrderInput): OrderRecord {
    const order = this.get(id);
    if (patch.note !== undefined) order.note = patch.note;
    if (patch.tags !== undefined) order.tags = [...patch.tags];
    if (patch.email !== undefined) order.email = patch.email;
    if (patch.phone !== undefined) order.phone = patch.phone;
    if (patch.shippingAddress && order.shippingAddress) order.shippingAddress = patchAddress(order.shippingAddress, patch.shippingAddress);
    return this.touch(order);
  }

  edit(id: number, input: EditOrderInput): OrderEditRecord {
    return editOrder(this.shop, this.get(id), input);
  }

  get(id: number): OrderRecord {
    const order = this.byId.get(id);
    if (!order) throw new ShopifySimulatorInputError('id', `no order with id ${id}`);
    return order;
  }

  private touch(order: OrderRecord): OrderRecord {
    order.updatedAt = this.shop.changeInstant(order.updatedAt);
    return order;
  }

  private resolveCustomer(choice: CreateOrderInput['customer']): { customer: CustomerRecord | null; createdCustomer: CustomerRecord | null } {
    if (choice === null) return { customer: null, createdCustomer: null };
    if (choice !== undefined && choice !== 'new' && 'id' in choice) return { customer: this.shop.customer(choice.id), createdCustomer: null };
    const created = this.shop.createCustomer(choice === undefined || choice === 'new' ? {} : choice);
    return { customer: created, createdCustomer: created };
  }

  private randomLines(): OrderLineInput[] {
    const skus = [...this.shop.catalogue.keys()];
    const count = this.shop.prng.int(1, Math.min(3, skus.length));
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(this.shop.prng.pick(skus));
    return [...chosen].map((sku) => ({ sku, quantity: this.shop.prng.int(1, 3) }));
  }
}
