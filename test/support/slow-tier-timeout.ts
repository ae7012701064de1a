// e2e tests run the runner against the simulators over loopback HTTP, often on a 2-core machine busy
// with other work (CI, a benchmark): Jest's 5 s default per test is a flake, not a speed target
// (speed targets live in `npm run bench`, never in timed tests). A test that needs longer says so itself.
jest.setTimeout(30_000);
