import { FAILURE_CODES, type FailureCode, type FailureCodeInfo } from './failure-codes';

const ROWS: Readonly<Record<string, FailureCodeInfo>> = FAILURE_CODES;
const USER_ERROR_PREFIX = 'shopify.user_error.';

/**
 * The row of any code string, such as one read back from the store or the ERPNext mirror, where an
 * older version may have written a code that has no row any more: undefined then, never a guess.
 */
export function findFailureCode(code: string): FailureCodeInfo | undefined {
  if (Object.prototype.hasOwnProperty.call(ROWS, code)) return ROWS[code];
  return code.startsWith(USER_ERROR_PREFIX) ? ROWS['shopify.user_error'] : undefined;
}

export function isFailureCode(code: string): code is FailureCode {
  return findFailureCode(code) !== undefined;
}

/**
 * The row of a code the compiler has checked: every FailureCode has one (a `shopify.user_error.*`
 * code without its own takes `shopify.user_error`'s), so a miss means a cast lied, which is a bug.
 */
export function failureCodeInfo(code: FailureCode): FailureCodeInfo {
  const info = findFailureCode(code);
  if (info === undefined) throw new TypeError(`failure code ${JSON.stringify(code)} has no row in FAILURE_CODES`);
  return info;
}
