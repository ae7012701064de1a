#!/usr/bin/env node
'use strict';
// The demo and the chaos run, TypeScript run from source like the runner's bin/shopsync.js: tsx
// compiles each module on load, so `npm ci && npm run demo` needs no build step.
require('tsx/cjs/api').register();
require('../src/cli/main.ts');
