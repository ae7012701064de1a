import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FAILURE_CATEGORIES, FAILURE_CODES, FAILURE_REMEDIES, failureCodeInfo, findFailureCode, isFailureCode, SyncError } from '@shopsync/core';
import { codeForStatus as erpnextCodeForStatus, EXC_TYPE_CODES, MESSAGE_CODES } from '@shopsync/erpnext-client';
import { codeForGraphqlError, codeForStatus as shopifyCodeForStatus, codeForUserError } from '@shopsync/shopify-client';

/**
 * STYLE C5: one table (core's FAILURE_CODES) holds every code any package produces. The compiler
 * already refuses a SyncError or Failure whose code has no row; this checks what it cannot see: the
 * codes the clients compute from the wire at run time, and the literals in the sources.
 */
const ROOT = join(__dirname, '..', 'packages');
const PRODUCERS = ['core', 'erpnext-client', 'shopify-client', 'runner'];
const HAS_OWN_ROW = (code: string) => Object.prototype.hasOwnProperty.call(FAILURE_CODES, code);
const STATUSES = Array.from({ length: 500 }, (_, i) => 100 + i);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Codes minted in the sources: `SyncError.of('…'`, `coreFailure('…'` and `code: '…'` literals. */
function mintedCodes(): Array<[string, string]> {
  const pattern = /(?:SyncError\.of|coreFailure)\(\s*'([^']+)'|\bcode: '([a-z_]+\.[a-z_.]+)'/g;
  return PRODUCERS.flatMap((pkg) => sourceFiles(join(ROOT, pkg, 'src'))).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(pattern)].map((match): [string, string] => [relative(ROOT, file), (match[1] ?? match[2]) as string]),
  );
}

describe('FAILURE_CODES, the one table of failure codes', () => {
  test.each(Object.entries(FAILURE_CODES))('%s has a DESIGN §4 category, a retry flag and a known remedy', (_code, info: { category: string; retryable: boolean; action?: string; remedy?: string }) => {
    expect(FAILURE_CATEGORIES).toContain(info.category);
    expect(typeof info.retryable).toBe('boolean');
    if (info.remedy !== undefined) expect(FAILURE_REMEDIES).toContain(info.remedy);
    // describeFailure appends "; <action>." itself.
    if (info.action !== undefined) expect(info.action).toMatch(/^[a-z].*[^.]$/);
  });

  test('every code minted in the sources of core, the clients and the runner has a row', () => {
    const minted = mintedCodes();
    expect(minted.length).toBeGreaterThan(20);
    expect(minted.filter(([, code]) => !HAS_OWN_ROW(code)).map(([file, code]) => `${file}: ${code}`)).toEqual([]);
  });

  test('every code the ERPNext client maps a wire answer to has a row', () => {
    const codes = [...Object.values(EXC_TYPE_CODES), ...MESSAGE_CODES.map((rule) => rule.code), ...STATUSES.map(erpnextCodeForStatus)];
    expect(codes.filter((code) => !HAS_OWN_ROW(code))).toEqual([]);
  });

  test('every code the Shopify client maps a wire answer to has a row', () => {
    const extensionCodes = [undefined, 'THROTTLED', 'PARSE_ERROR', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'MAX_COST_EXCEEDED', 'ACCESS_DENIED', 'SHOP_INACTIVE', 'INTERNAL_SERVER_ERROR', 'INVALID_VARIABLE', 'INVALID_FIELD_ARGUMENTS', 'MAX_INPUT_SIZE_EXCEEDED', 'BAD_REQUEST', 'undefinedField', 'SOMETHING_NEW'];
    const codes = [...extensionCodes.map((code) => codeForGraphqlError(code)), codeForGraphqlError(undefined, 'Throttled'), ...STATUSES.map(shopifyCodeForStatus), codeForUserError(null)];
    expect(codes.filter((code) => !HAS_OWN_ROW(code))).toEqual([]);
  });

  test('a Shopify userErrors code keeps its name; without a row of its own it takes shopify.user_error’s', () => {
    expect(codeForUserError('CHANGE_FROM_QUANTITY_STALE')).toBe('shopify.user_error.change_from_quantity_stale');
    expect(findFailureCode('shopify.user_error.change_from_quantity_stale')).toBe(FAILURE_CODES['shopify.user_error.change_from_quantity_stale']);
    expect(failureCodeInfo(codeForUserError('NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR'))).toBe(FAILURE_CODES['shopify.user_error']);
  });

  test('a code read back from storage that has no row is not guessed at', () => {
    expect(findFailureCode('erpnext.transient')).toBeUndefined();
    expect(isFailureCode('erpnext.transient')).toBe(false);
    expect(findFailureCode('toString')).toBeUndefined();
    expect(isFailureCode('erpnext.network')).toBe(true);
  });

  test('SyncError.of takes the category, retry flag and remedy from the row', () => {
    const error = SyncError.of('erpnext.timestamp_mismatch', { message: 'Document has been modified after you have opened it', details: { doctype: 'Customer' } });
    expect(error).toMatchObject({ code: 'erpnext.timestamp_mismatch', category: 'transient', retryable: true, details: { action: 'refetch_and_reapply', doctype: 'Customer' } });
    expect(SyncError.of('conflict.row_not_offered', { message: 'x' }).details).toEqual({});
  });
});
