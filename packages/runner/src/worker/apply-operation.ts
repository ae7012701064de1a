import type { Operation } from '@shopsync/core';
import type { AppliedOperation } from '../store/store';
import type { ApplyContext } from './apply-context';
import { applyCancelDocument } from './apply-cancel-document';
import { applyEnsureDocument } from './apply-ensure-document';
import { applyEnsureMappedDocument } from './apply-ensure-mapped-document';
import { applyUpdateDocument } from './apply-update-document';

/** The runner is the only code that executes operations (STYLE C2); one function per kind. */
export function applyOperation(op: Operation, ctx: ApplyContext): Promise<AppliedOperation> {
  switch (op.kind) {
    case 'ensure_document':
      return applyEnsureDocument(op, ctx);
    case 'ensure_mapped_document':
      return applyEnsureMappedDocument(op, ctx);
    case 'cancel_document':
      return applyCancelDocument(op, ctx);
    case 'update_document':
      return applyUpdateDocument(op, ctx);
  }
}
