import { isSyncError } from '@shopsync/core';

/** ERPNext refused a second document for an operation key: the first one exists (adopt it). */
export function isKeyClash(error: unknown): boolean {
  return isSyncError(error) && (error.code === 'erpnext.unique_violation' || error.code === 'erpnext.duplicate_entry');
}
