import type { LedgerPort } from '../ports/ledger-port';
import { iso, type MemoryState } from './memory-state';

export function memoryLedgerPort(state: MemoryState): LedgerPort {
  const port: LedgerPort = {
    addEvidence: async (inboxId, kind, data, now) => state.addEvidence(inboxId, kind, data, iso(now)),
    findOperation: async (key) => {
      const operation = state.operations.get(key);
      return operation === undefined ? null : { doctype: operation.doctype, name: operation.name, revision: operation.revision };
    },
    // operations.ts: the first document is kept, unless the operation now names another revision.
    recordOperation: async (key, operation, inboxId) => {
      const known = state.operations.get(key);
      const revision = operation.revision ?? null;
      if (known !== undefined && (revision === null || revision === known.revision)) return;
      const row = { doctype: operation.doctype, name: operation.name, revision, inboxId, resourceKey: state.events.get(inboxId)?.resourceKey ?? null };
      state.operations.set(key, known === undefined ? row : { ...known, name: row.name, revision });
    },
    resourceVersion: async (resourceKey) => {
      const row = state.versions.get(resourceKey);
      return { version: row?.version ?? null, snapshot: row?.snapshot ?? null };
    },
    // resource-versions.ts: compared as instants, never moved back; a version that is no date is ignored.
    advanceVersion: async (resourceKey, version, snapshot) => {
      const versionMs = Date.parse(version);
      if (Number.isNaN(versionMs)) return;
      const current = state.versions.get(resourceKey);
      if (current === undefined || versionMs >= current.versionMs) state.versions.set(resourceKey, { version, versionMs, snapshot });
    },
    // Nothing here can fail half way: the writes one after the other are all or none.
    recordAll: async (writes) => {
      for (const write of writes) {
        if (write.kind === 'evidence') await port.addEvidence(write.inboxId, write.evidenceKind, write.data, write.at);
        else if (write.kind === 'operation') await port.recordOperation(write.key, write.operation, write.inboxId, write.at);
        else await port.advanceVersion(write.resourceKey, write.version, write.snapshot, write.at);
      }
    },
  };
  return port;
}
