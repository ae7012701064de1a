/** The customer fields the engine maps (notes §6: email/phone are deprecated → default* objects). */
export const CUSTOMER_FIELDS = `id legacyResourceId firstName lastName displayName state note tags taxExempt verifiedEmail createdAt updatedAt
  defaultEmailAddress { emailAddress }
  defaultPhoneNumber { phoneNumber }
  defaultAddress { id firstName lastName company address1 address2 city province provinceCode country countryCodeV2 zip phone }`;
