import { isSyncError } from '@shopsync/core';
import { APPLY_DOCUMENTS, isMissingMethod } from '../worker/document-writes';
import type { DoctorErpnext } from './types';

/**
 * Whether the site's companion app has apply_documents, asked with a GET that writes nothing: the
 * method takes POST only, so Frappe refuses a GET at frappe/handler.py is_valid_http_method (403
 * "Not permitted") once it has loaded the method, and answers "Failed to get method for command …"
 * (417) when it cannot load it. Anything else (a network error) says nothing either way.
 */
export async function probeApplyDocuments(erpnext: DoctorErpnext): Promise<'present' | 'missing' | 'unknown'> {
  try {
    await erpnext.callMethod(APPLY_DOCUMENTS, {}, { verb: 'GET' });
    return 'present';
  } catch (error) {
    if (isMissingMethod(error)) return 'missing';
    return isSyncError(error) && error.code === 'erpnext.permission' ? 'present' : 'unknown';
  }
}

/** The sentence doctor adds when the runner will fall back to writing over REST. */
export const REST_FALLBACK_NOTE = `; but the app has no ${APPLY_DOCUMENTS} (it is older than this runner), so the runner writes each event over REST, one request per step, until it is updated (bench --site SITE migrate)`;
