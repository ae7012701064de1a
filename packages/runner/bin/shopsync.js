#!/usr/bin/env node
'use strict';
// The runner is TypeScript run from source: tsx compiles each module on load, so a fresh clone needs
// no build step between `npm ci` and `npx shopsync`.
require('tsx/cjs/api').register();
require('../src/cli/main.ts');
