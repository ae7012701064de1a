/** A customer's address as the engine maps it (MailingAddress; its GID names the address id). */
export const CUSTOMER_ADDRESS_FIELDS = 'id firstName lastName company address1 address2 city province provinceCode country countryCodeV2 zip phone';

/** Addresses CustomerById reads; a customer with more is refused by its callers rather than read in part. */
export const CUSTOMER_ADDRESSES_READ = 50;

/** The customer fields the engine maps (notes §6: email/phone are deprecated → default* objects). */
export const CUSTOMER_FIELDS = `id legacyResourceId firstName lastName displayName state note tags taxExempt verifiedEmail createdAt updatedAt
  defaultEmailAddress { emailAddress }
  defaultPhoneNumber { phoneNumber }
  defaultAddress { ${CUSTOMER_ADDRESS_FIELDS} }`;
