import nock from 'nock';

// STYLE C13: no test may reach the network by accident, and no stub may be left unused.
// Loopback stays open: integration and end-to-end tests talk to in-process simulators over real HTTP.
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

// nock patches http globally; without restoring, one test file's interceptor outlives it in the worker.
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) {
    throw new Error(`unused HTTP stubs left by this test: ${pending.join(', ')}`);
  }
});
