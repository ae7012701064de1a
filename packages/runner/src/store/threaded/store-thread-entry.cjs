'use strict';
// The worker thread's entry: the built JavaScript when it exists, else the TypeScript source through
// tsx (a clone run from source, and the tests), as bin/shopsync.js does for the CLI.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, 'store-thread.js');
if (existsSync(built)) {
  require(built);
} else {
  require('tsx/cjs/api').register();
  require(join(__dirname, 'store-thread.ts'));
}
