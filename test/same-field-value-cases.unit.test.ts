import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sameFieldValue } from '@shopsync/core';
import { sameFieldValue as simulatorSameFieldValue } from '../packages/simulators/src/erpnext/methods/shopsync-document-methods';

interface Case {
  readonly why: string;
  readonly wanted: unknown;
  /** Absent: the document has no such field (undefined here, None in Python). */
  readonly stored?: unknown;
  readonly same: boolean;
}

// The cases frappe_app/shopsync/tests/test_document_batch.py runs against document_batch.same_field_value:
// the companion app, the simulator and the runner decide alike which fields an update writes.
const CASES = JSON.parse(readFileSync(join(__dirname, '..', 'frappe_app', 'shopsync', 'tests', 'same_field_value_cases.json'), 'utf8')) as Case[];

describe('sameFieldValue: one set of cases for the core, its Python port and the simulator copy', () => {
  test('the shared fixture has the cases it is meant to have', () => {
    expect(CASES.length).toBeGreaterThan(40);
    expect(new Set(CASES.map((c) => c.why)).size).toBe(CASES.length);
  });

  test.each(CASES.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    expect(sameFieldValue(c.wanted, c.stored)).toBe(c.same);
    expect(simulatorSameFieldValue(c.wanted, c.stored)).toBe(c.same);
  });
});
