import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

/**
 * STYLE C1: the core is pure — inputs in, plan out — so that every decision can be replayed and tested
 * without IO. This test is the rule's only enforcement; it names the file and the reason.
 */
const CORE_SRC = join(__dirname, '..', 'packages', 'core', 'src');
const IO_LIBRARIES = ['axios', 'better-sqlite3', 'pino', 'p-queue', 'nock', 'commander', 'prom-client'];
const FORBIDDEN_CALLS: Array<[RegExp, string]> = [
  [/\bDate\.now\s*\(/, 'reads the clock (pass `now` in the context instead)'],
  [/\bnew Date\(\s*\)/, 'reads the clock (pass `now` in the context instead)'],
  [/\bMath\.random\s*\(/, 'uses randomness (pass jitter as an argument)'],
  [/\bcrypto\.randomUUID\b/, 'uses randomness (pass ids in)'],
  [/\bprocess\./, 'reads the process environment (settings are arguments)'],
  [/\brequire\s*\(/, 'loads modules dynamically'],
  [/\bimport\s*\(/, 'loads modules dynamically'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importedModules(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\s[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ];
  return specifiers.map((match) => match[1] as string);
}

export function violationsOf(file: string, source: string): string[] {
  const problems: string[] = [];
  for (const specifier of importedModules(source)) {
    const bare = specifier.replace(/^node:/, '').split('/')[0] as string;
    if (specifier.startsWith('node:') || builtinModules.includes(bare)) problems.push(`imports the Node built-in "${specifier}"`);
    else if (IO_LIBRARIES.includes(bare)) problems.push(`imports the IO library "${specifier}"`);
    else if (specifier.startsWith('@shopsync/')) problems.push(`imports the workspace package "${specifier}"`);
    else if (!specifier.startsWith('.')) problems.push(`imports the third-party package "${specifier}"`);
  }
  for (const [pattern, why] of FORBIDDEN_CALLS) {
    if (pattern.test(source)) problems.push(why);
  }
  return problems.map((problem) => `${file} ${problem}; packages/core must stay pure so plans are deterministic and replayable`);
}

describe('packages/core purity', () => {
  const files = sourceFiles(CORE_SRC);

  test('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  test('no core file does IO, reads the clock or randomness, or imports another package', () => {
    const violations = files.flatMap((file) => violationsOf(relative(CORE_SRC, file), readFileSync(file, 'utf8')));
    expect(violations).toEqual([]);
  });

  test.each([
    ["import { readFileSync } from 'node:fs';", 'Node built-in'],
    ["import { createHash } from 'crypto';", 'Node built-in'],
    ["import axios from 'axios';", 'IO library'],
    ["import { x } from '@shopsync/erpnext-client';", 'workspace package'],
    ['const t = Date.now();', 'clock'],
    ['const t = new Date();', 'clock'],
    ['const j = Math.random();', 'randomness'],
    ['const u = process.env.X;', 'environment'],
  ])('the check catches %s', (source, expected) => {
    expect(violationsOf('sample.ts', source).join(' ')).toContain(expected);
  });

  test('a quoted word after "from" in a comment is not an import', () => {
    expect(violationsOf('c.ts', '/** tell "never booked" from "booked" */')).toEqual([]);
    expect(violationsOf('m.ts', "import {\n  a,\n  b,\n} from 'axios';").join(' ')).toContain('IO library');
  });

  test('pure code passes the check', () => {
    expect(violationsOf('ok.ts', "import { parseGid } from './ids/shopify-gid';\nconst d = new Date(Date.UTC(2026, 0, 1));")).toEqual([]);
  });
});
