import { execFileSync, type ExecFileSyncOptionsWithStringEncoding } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { useTempDir } from './support/temp-dir';

/**
 * scripts/frappe-app-branch.sh, run in scratch clones of this repository (never in the repository
 * itself): the branch it makes must be what `bench get-app <url> --branch frappe-app` installs. bench
 * clones the repository with `--branch <b> --origin upstream`, reads the app name from the root's
 * pyproject.toml, `pip install -e`s the root, and `bench update` later runs `git pull upstream <b>`
 * and reads `upstream/<b>:<app>/__init__.py` for the version (frappe/bench: bench/app.py App.get,
 * bench/utils/app.py get_app_name, get_upstream_version). Each of those steps is replayed with git.
 */
const ROOT = join(__dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'frappe-app-branch.sh');
const IDENTITY = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com'];

jest.setTimeout(60_000);

// Run from a git hook, GIT_DIR or GIT_INDEX_FILE would point every command below at this repository.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
const OPTIONS: ExecFileSyncOptionsWithStringEncoding = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: ENV };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], { ...OPTIONS, cwd }).trim();
}

function runScript(cwd: string, ...args: string[]): string {
  return execFileSync('bash', [SCRIPT, ...args], { ...OPTIONS, cwd }).trim();
}

/** A clone of this repository's HEAD with no remote, so no published frappe-app branch takes part. */
function scratchClone(dir: string, name: string): string {
  const path = join(dir, name);
  execFileSync('git', ['clone', '--quiet', ROOT, path], OPTIONS);
  git(path, 'remote', 'remove', 'origin');
  return path;
}

/** `git ls-tree -r` as {path: "mode blob-id"}: same keys and values means the same files with the same bytes. */
function treeListing(cwd: string, treeish: string): Record<string, string> {
  const lines = git(cwd, 'ls-tree', '-r', '--full-tree', treeish).split('\n');
  return Object.fromEntries(lines.map((line) => {
    const [meta = '', path = ''] = line.split('\t');
    const [mode, , id] = meta.split(' ');
    return [path, `${mode} ${id}`];
  }));
}

/** The checked-out files of a clone, relative to its root, without .git/. */
function filesUnder(root: string, folder = root): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === '.git') return [];
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
  });
}

describe('scripts/frappe-app-branch.sh: the branch bench get-app installs', () => {
  const dir = useTempDir('shopsync-frappe-branch-');

  test('the branch root is frappe_app/ of the source commit, file for file, with what bench and pip need', () => {
    const repo = scratchClone(dir(), 'repo');
    const head = git(repo, 'rev-parse', 'HEAD');
    expect(runScript(repo)).toMatch(new RegExp(`^frappe-app [0-9a-f]{40} created \\(frappe_app/ of ${head}, version \\d+\\.\\d+\\.\\d+`));
    const branch = treeListing(repo, 'frappe-app');
    expect(branch).toEqual(treeListing(repo, 'HEAD:frappe_app'));
    // bench's is_frappe_app looks for these; get_app_name reads [project].name from pyproject.toml.
    for (const path of ['pyproject.toml', 'shopsync/__init__.py', 'shopsync/hooks.py', 'shopsync/modules.txt', 'shopsync/patches.txt', 'license.txt', 'README.md']) {
      expect(Object.keys(branch)).toContain(path);
    }
    expect(git(repo, 'show', 'frappe-app:pyproject.toml')).toMatch(/^\[project\]\nname = "shopsync"$/m);
    expect(git(repo, 'show', 'frappe-app:shopsync/hooks.py')).toMatch(/^required_apps = \["erpnext"\]$/m);
    expect(Object.keys(branch).filter((path) => path.startsWith('packages/') || path === 'package.json')).toEqual([]);
    // Only the new branch was written: HEAD and the working tree are as the clone left them.
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  test('bench get-app --branch frappe-app: the clone installs the app at its root, and its version is the runner\'s', () => {
    const repo = scratchClone(dir(), 'repo');
    runScript(repo);
    const app = join(dir(), 'apps', 'shopsync');
    execFileSync('git', ['clone', '--quiet', repo, '--branch', 'frappe-app', '--origin', 'upstream', app], OPTIONS);
    expect(filesUnder(app).sort()).toEqual(Object.keys(treeListing(repo, 'HEAD:frappe_app')).sort());
    const version = /^__version__ = "(.+)"$/m.exec(git(app, 'show', 'upstream/frappe-app:shopsync/__init__.py'))?.[1];
    const runner = (JSON.parse(readFileSync(join(ROOT, 'packages', 'runner', 'package.json'), 'utf8')) as { version: string }).version;
    expect(version).toBe(runner);
  });

  test('deterministic and idempotent: the same source gives the same commit in another clone, and a second run changes nothing', () => {
    const first = scratchClone(dir(), 'first');
    const second = scratchClone(dir(), 'second');
    const made = runScript(first).split(' ')[1];
    expect(runScript(first)).toMatch(new RegExp(`^frappe-app ${made} unchanged `));
    expect(runScript(second).split(' ')[1]).toBe(made);
  });

  test('a later change of frappe_app/ advances the branch on top of the previous tip, so bench update fast-forwards', () => {
    const repo = scratchClone(dir(), 'repo');
    const before = runScript(repo).split(' ')[1] ?? '';
    const app = join(dir(), 'apps', 'shopsync');
    execFileSync('git', ['clone', '--quiet', repo, '--branch', 'frappe-app', '--origin', 'upstream', app], OPTIONS);

    // A change outside frappe_app/ leaves the branch where it is.
    writeFileSync(join(repo, 'BENCHMARKS.md'), `${readFileSync(join(repo, 'BENCHMARKS.md'), 'utf8')}\nmore\n`);
    git(repo, 'commit', '--quiet', '-am', 'outside the app');
    expect(runScript(repo)).toMatch(new RegExp(`^frappe-app ${before} unchanged `));

    writeFileSync(join(repo, 'frappe_app', 'README.md'), `${readFileSync(join(repo, 'frappe_app', 'README.md'), 'utf8')}\nA new line.\n`);
    git(repo, 'commit', '--quiet', '-am', 'the app changes');
    const after = runScript(repo).split(' ')[1] ?? '';
    expect(after).not.toBe(before);
    expect(git(repo, 'rev-parse', `${after}^`)).toBe(before);
    expect(treeListing(repo, 'frappe-app')).toEqual(treeListing(repo, 'HEAD:frappe_app'));

    // What `bench update` runs in apps/shopsync (pull_apps: git pull upstream <branch>).
    git(app, 'pull', '--quiet', '--ff-only', 'upstream', 'frappe-app');
    expect(readFileSync(join(app, 'README.md'), 'utf8')).toContain('A new line.');
  });

  test('builds on the published branch when it is ahead of the local one, and refuses a source without the app', () => {
    const repo = scratchClone(dir(), 'repo');
    const tip = runScript(repo).split(' ')[1] ?? '';
    // As after `git fetch origin frappe-app` in a fresh clone: only the remote-tracking ref exists.
    git(repo, 'update-ref', 'refs/remotes/origin/frappe-app', tip);
    git(repo, 'update-ref', '-d', 'refs/heads/frappe-app');
    writeFileSync(join(repo, 'frappe_app', 'license.txt'), `${readFileSync(join(repo, 'frappe_app', 'license.txt'), 'utf8')}\n`);
    git(repo, 'commit', '--quiet', '-am', 'the app changes');
    const next = runScript(repo).split(' ')[1] ?? '';
    expect(git(repo, 'rev-parse', `${next}^`)).toBe(tip);

    const empty = git(repo, 'commit-tree', git(repo, 'mktree'), '-m', 'no app');
    expect(() => runScript(repo, '--source', empty)).toThrow(/has no frappe_app\/ folder/);
  });
});
