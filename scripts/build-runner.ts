import { build, type Metafile, type Plugin } from 'esbuild';
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

/**
 * `npm run build`: the runner as plain JavaScript in packages/runner/dist/, which bin/shopsync.js runs
 * with `node` when the TypeScript sources are not there (the packed package ships bin/ and dist/ only).
 *
 * Two esbuild bundles, CommonJS for Node 20.19+ (which `require`s the ES-module-only p-queue natively):
 *   dist/cli.js                           ← src/cli/main.ts
 *   dist/store/threaded/store-thread.js   ← src/store/threaded/store-thread.ts (the store's worker thread)
 * The private @shopsync/* packages are bundled in; every other package stays external and must be a
 * `dependencies` entry of packages/runner/package.json (checked below, so a new import cannot ship broken).
 *
 * Why a bundle and not `tsc -b`: the workspace packages export their src/*.ts and are private, so compiled
 * JavaScript that still imports @shopsync/core would need every package built, repointed and packed
 * alongside; a bundle is one folder, and it starts faster (BENCHMARKS.md, "Start-up: from source vs built").
 *
 * dist/ mirrors src/ for what the code reads from disk by `__dirname`: the SQLite and PostgreSQL
 * migrations (both `join(__dirname, 'migrations')`, with the same file names, so they cannot share one
 * folder) and the thread's entry store-thread-entry.cjs, which loads store-thread.js next to it. Every
 * non-TypeScript file of src/ is copied to the same place under dist/, and each module's `__dirname` is
 * rewritten to the folder its source had, relative to the bundle that contains it.
 */
const RUNNER = join(__dirname, '..', 'packages', 'runner');
const SRC = join(RUNNER, 'src');
const DIST = join(RUNNER, 'dist');

const BUNDLES = [
  { entry: 'cli/main.ts', out: 'cli.js' },
  { entry: 'store/threaded/store-thread.ts', out: 'store/threaded/store-thread.js' },
] as const;

const BUILTINS = new Set(builtinModules);

/** The package a bare import names: `pino` for `pino/file`, `@scope/name` for `@scope/name/x`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Bundles @shopsync/* and relative imports; leaves Node builtins and every other package to `require`. */
function externals(used: Set<string>): Plugin {
  return {
    name: 'runner-externals',
    setup(on) {
      on.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@shopsync/')) return undefined;
        if (args.path.startsWith('node:') || BUILTINS.has(args.path)) return { path: args.path, external: true };
        used.add(packageOf(args.path));
        return { path: args.path, external: true };
      });
    },
  };
}

/** Gives each module of the runner's src/ the `__dirname` its source file had, mapped into dist/. */
function sourceDirname(bundleDir: string): Plugin {
  return {
    name: 'source-dirname',
    setup(on) {
      on.onLoad({ filter: /\.ts$/ }, (args) => {
        const contents = readFileSync(args.path, 'utf8');
        if (!contents.includes('__dirname')) return undefined;
        const fromSrc = relative(SRC, dirname(args.path));
        if (fromSrc.startsWith('..')) throw new Error(`${args.path} uses __dirname outside packages/runner/src: give it a place under dist/ in scripts/build-runner.ts`);
        const target = relative(bundleDir, fromSrc).split(sep).join('/');
        const mapped = target === '' ? '__dirname' : `require('node:path').join(__dirname, ${JSON.stringify(target)})`;
        return { contents: contents.replace(/\b__dirname\b/g, mapped), loader: 'ts' };
      });
    },
  };
}

function copyAssets(from: string): string[] {
  const copied: string[] = [];
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const path = join(from, entry.name);
    if (entry.isDirectory()) copied.push(...copyAssets(path));
    else if (!entry.name.endsWith('.ts')) {
      cpSync(path, join(DIST, relative(SRC, path)));
      copied.push(relative(SRC, path));
    }
  }
  return copied;
}

async function main(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  const used = new Set<string>();
  const outputs: Metafile['outputs'] = {};
  for (const bundle of BUNDLES) {
    const result = await build({
      entryPoints: [join(SRC, bundle.entry)],
      outfile: join(DIST, bundle.out),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // Readable stack traces and class names in operators' logs matter more than bytes here.
      keepNames: true,
      // Generated code: `eslint .` (npm test) would otherwise lint dist/ after a build.
      banner: { js: '/* eslint-disable */' },
      metafile: true,
      logLevel: 'warning',
      plugins: [externals(used), sourceDirname(dirname(bundle.out))],
    });
    Object.assign(outputs, result.metafile.outputs);
  }
  const copied = copyAssets(SRC);
  const manifest = JSON.parse(readFileSync(join(RUNNER, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const declared = new Set(Object.keys(manifest.dependencies ?? {}));
  const missing = [...used].filter((name) => !declared.has(name)).sort();
  if (missing.length > 0) {
    throw new Error(`the runner bundle requires ${missing.join(', ')} at run time: add them to "dependencies" of packages/runner/package.json`);
  }
  const unused = [...declared].filter((name) => !used.has(name)).sort();
  for (const [file, output] of Object.entries(outputs)) process.stdout.write(`${relative(RUNNER, file)}  ${(output.bytes / 1024).toFixed(0)} KiB\n`);
  process.stdout.write(`copied ${copied.length} files from src/; external: ${[...used].sort().join(', ')}\n`);
  if (unused.length > 0) process.stdout.write(`dependencies the bundle does not require: ${unused.join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
