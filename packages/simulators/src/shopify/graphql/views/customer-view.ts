import type { CustomerRecord } from '../../types';
import { connection, type ConnectionArgs } from '../connection';
import type { SimContext } from '../sim-context';
import { mailingAddressView } from './address-view';
import type { View } from './resolve-fields';
import { dateTime, gid, moneyV2 } from './wire-format';
import { orderTotals } from '../../order-pricing';
import type { GraphQLResolveInfo } from 'graphql';

export function customerView(c: CustomerRecord, ctx: SimContext): View {
  const addresses = c.addresses.map((a) => mailingAddressView(a, `${gid('MailingAddress', a.id)}?model_name=CustomerAddress`));
  const defaultIndex = c.addresses.findIndex((a) => a.isDefault);
  const orders = () => [...ctx.shop.orders.byId.values()].filter((o) => o.customerId === c.id);
  return {
    __typename: 'Customer',
    id: gid('Customer', c.id),
    legacyResourceId: String(c.id),
    firstName: c.firstName,
    lastName: c.lastName,
    displayName: `${c.firstName} ${c.lastName}`.trim() || c.email || '',
    email: c.email,
    phone: c.phone,
    defaultEmailAddress: c.email === null ? null : { emailAddress: c.email, marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: null, marketingUpdatedAt: null, validFormat: true },
    defaultPhoneNumber: c.phone === null ? null : { phoneNumber: c.phone, marketingState: 'NOT_SUBSCRIBED' },
    defaultAddress: defaultIndex >= 0 ? addresses[defaultIndex] : null,
    addresses: (args: { first?: number | null }) => addresses.slice(0, args.first ?? addresses.length),
    addressesV2: (args: ConnectionArgs, _c: unknown, info: GraphQLResolveInfo) => connection(addresses, args, (a) => String(a.id), (a) => a, info, ctx.bulk),
    state: c.state.toUpperCase(),
    note: c.note,
    tags: [],
    taxExempt: c.taxExempt,
    taxExemptions: [],
    verifiedEmail: c.verifiedEmail,
    validEmailAddress: c.email !== null,
    locale: 'en',
    multipassIdentifier: null,
    createdAt: dateTime(c.createdAt),
    updatedAt: dateTime(c.updatedAt),
    numberOfOrders: () => String(orders().length),
    amountSpent: () => moneyV2(orders().filter((o) => o.financialStatus === 'paid').reduce((sum, o) => sum + orderTotals(o).totalCents, 0), c.currency),
    canDelete: () => orders().length === 0,
  };
}
