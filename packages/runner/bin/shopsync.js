#!/usr/bin/env node
'use strict';
// From a clone, the TypeScript sources run through tsx (a root devDependency, loaded only here), so
// `npm ci && npx shopsync` needs no build and never runs a stale dist/. The installed package ships
// bin/ and dist/ without src/, and runs `npm run build`'s JavaScript with plain node.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const source = join(__dirname, '..', 'src', 'cli', 'main.ts');
if (existsSync(source)) {
  require('tsx/cjs/api').register();
  require(source);
} else {
  require('../dist/cli.js');
}
