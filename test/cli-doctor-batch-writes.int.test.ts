import { toErpnextError } from '@shopsync/erpnext-client';
import { APPLY_DOCUMENTS, probeApplyDocuments, REST_FALLBACK_NOTE, type DoctorErpnext } from '@shopsync/runner';
import { startSim, type RunningSim } from './support/erpnext-sim';

/** doctor asks whether the companion app can take batched writes, with a GET that writes nothing. */
describe('doctor: does the site have apply_documents?', () => {
  let erp: RunningSim;
  beforeEach(async () => {
    erp = await startSim();
  });
  afterEach(async () => erp.sim.close());

  test('present: the method exists and refuses the GET (POST only); nothing is written', async () => {
    expect(await probeApplyDocuments(erp.client)).toBe('present');
    expect(erp.sim.requests.all.map((r) => [r.method, r.path, r.status])).toEqual([['GET', `/api/method/${APPLY_DOCUMENTS}`, 403]]);
  });

  test('missing: Frappe cannot load it (an older app); unknown: the site did not answer', async () => {
    const answering = (error: unknown): DoctorErpnext => ({ ...erp.client, callMethod: async () => Promise.reject(error) });
    const missing = toErpnextError({
      status: 417,
      body: { exc_type: 'ValidationError', _server_messages: JSON.stringify([JSON.stringify({ message: `Failed to get method for command ${APPLY_DOCUMENTS} with No module named 'shopsync.documents'` })]) },
    });
    expect(await probeApplyDocuments(answering(missing))).toBe('missing');
    expect(await probeApplyDocuments(answering(toErpnextError({ cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })))).toBe('unknown');
    expect(REST_FALLBACK_NOTE).toContain('bench --site SITE migrate');
  });
});
