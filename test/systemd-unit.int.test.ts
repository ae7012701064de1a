import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigSchema, loadConfigFile } from '@shopsync/runner';
import { useTempDir } from './support/temp-dir';

/**
 * The service recipe in deploy/: systemd itself checks the unit (`systemd-analyze verify`, Debian's
 * systemd package; .ci/run installs it when missing), and the settings the README promises are read
 * back from the file. verify refuses an ExecStart binary that does not exist, and /usr/bin/shopsync
 * exists only after `npm install -g`, so it checks a copy whose ExecStart points at a stub.
 */
const ROOT = join(__dirname, '..');
const UNIT_FILE = join(ROOT, 'deploy', 'systemd', 'shopsync.service');
const SYSUSERS_FILE = join(ROOT, 'deploy', 'systemd', 'shopsync.sysusers.conf');
const EXAMPLE_ENV = join(ROOT, 'deploy', 'shopsync.example.env');
const EXAMPLE_CONFIG = join(ROOT, 'deploy', 'shopsync.example.json');
const LOAD_CONFIG = join(ROOT, 'packages', 'runner', 'src', 'config', 'load-config.ts');
const EXEC_PATH = '/usr/bin/shopsync';

type Unit = Record<string, Record<string, string[]>>;

/** systemd's unit syntax as far as this file uses it: [Section], Key=value (a key may repeat), # and ; comments. */
function parseUnit(text: string): Unit {
  const unit: Unit = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1] ?? '';
      unit[section] ??= {};
      continue;
    }
    const at = line.indexOf('=');
    const values = ((unit[section] ??= {})[line.slice(0, at)] ??= []);
    values.push(line.slice(at + 1));
  }
  return unit;
}

/** An EnvironmentFile= without quotes or continuations: KEY=value lines and # comments. */
function parseEnvFile(text: string): Record<string, string> {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

function run(command: string, args: readonly string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { code: result.error === undefined ? result.status : null, output: `${result.stdout ?? ''}${result.stderr ?? ''}`, error: result.error };
}

const unit = parseUnit(readFileSync(UNIT_FILE, 'utf8'));
const service = unit.Service ?? {};
const one = (key: string) => service[key]?.at(-1);

describe('the systemd unit (deploy/systemd/shopsync.service): its settings', () => {
  test('runs `shopsync serve` from the global npm install with the config under /etc/shopsync', () => {
    expect(service.ExecStart).toEqual([`${EXEC_PATH} serve --config /etc/shopsync/shopsync.json`]);
    expect(one('Type')).toBe('exec');
    expect(unit.Install?.WantedBy).toEqual(['multi-user.target']);
    expect(unit.Unit?.After).toContain('network-online.target');
  });

  test('restarts on failure but not on a config error (exit 2), and gives SIGTERM time to finish in-flight events', () => {
    expect(one('Restart')).toBe('on-failure');
    expect(one('RestartPreventExitStatus')).toBe('2');
    expect(one('KillSignal')).toBe('SIGTERM');
    // serve's SIGTERM handler awaits the in-flight events, each a few ERPNext requests of at most erpnext.timeoutMs.
    const stopSeconds = Number(/^(\d+)s$/.exec(one('TimeoutStopSec') ?? '')?.[1]);
    const requestSeconds = ConfigSchema.shape.erpnext.shape.timeoutMs.parse(undefined) / 1000;
    expect(stopSeconds).toBeGreaterThanOrEqual(3 * requestSeconds);
  });

  test('runs as the shopsync system user, with the state in /var/lib/shopsync where the example config puts it', () => {
    expect([one('User'), one('Group')]).toEqual(['shopsync', 'shopsync']);
    expect(service.DynamicUser).toBeUndefined();
    expect(one('StateDirectory')).toBe('shopsync');
    expect(one('WorkingDirectory')).toBe('/var/lib/shopsync');
    expect(readFileSync(SYSUSERS_FILE, 'utf8')).toMatch(/^u shopsync - "[^"]+" \/var\/lib\/shopsync \/usr\/sbin\/nologin$/m);
    const storePath = (JSON.parse(readFileSync(EXAMPLE_CONFIG, 'utf8')) as { store: { path: string } }).store.path;
    expect(storePath.startsWith('/var/lib/shopsync/')).toBe(true);
  });

  test('is hardened without what breaks Node (no MemoryDenyWriteExecute: V8 compiles to executable memory)', () => {
    expect({
      NoNewPrivileges: one('NoNewPrivileges'),
      ProtectSystem: one('ProtectSystem'),
      ProtectHome: one('ProtectHome'),
      PrivateTmp: one('PrivateTmp'),
      PrivateDevices: one('PrivateDevices'),
      CapabilityBoundingSet: one('CapabilityBoundingSet'),
      RestrictAddressFamilies: one('RestrictAddressFamilies'),
      SystemCallErrorNumber: one('SystemCallErrorNumber'),
    }).toEqual({
      NoNewPrivileges: 'yes',
      ProtectSystem: 'strict',
      ProtectHome: 'yes',
      PrivateTmp: 'yes',
      PrivateDevices: 'yes',
      CapabilityBoundingSet: '',
      RestrictAddressFamilies: 'AF_INET AF_INET6 AF_UNIX AF_NETLINK',
      SystemCallErrorNumber: 'EPERM',
    });
    // @pkey: V8 probes memory protection keys at start (seen with strace -f; a refusal would be EPERM, not a kill).
    expect(service.SystemCallFilter).toEqual(['@system-service @pkey', '~@privileged']);
    expect(service.MemoryDenyWriteExecute).toBeUndefined();
    // Under ProtectSystem=strict only the state directory is writable: nothing else is opened for writing.
    expect(service.ReadWritePaths).toBeUndefined();
    expect([one('StandardOutput'), one('StandardError')]).toEqual(['journal', 'journal']);
  });

  test('takes every secret the config loader reads from the environment out of a 0600 environment file', () => {
    expect(service.EnvironmentFile).toEqual(['/etc/shopsync/shopsync.env']);
    const readByLoader = [...new Set([...readFileSync(LOAD_CONFIG, 'utf8').matchAll(/env\.(SHOPSYNC_[A-Z_]+)/g)].map((match) => match[1]))].sort();
    const example = parseEnvFile(readFileSync(EXAMPLE_ENV, 'utf8'));
    expect(Object.keys(example).sort()).toEqual(readByLoader);
    expect(readFileSync(EXAMPLE_ENV, 'utf8')).toContain('install -m 0600 -o root -g root');
    const loaded = loadConfigFile(EXAMPLE_CONFIG, example);
    expect(loaded.ok ? 'ok' : loaded.problems).toBe('ok');
  });
});

const analyze = run('systemd-analyze', ['--version']);
const missing = analyze.code !== 0;
const describeWithSystemd = missing ? describe.skip : describe;

if (missing) {
  test.skip(`SKIPPED: systemd-analyze is not installed (${analyze.error?.message ?? analyze.output.trim()}); .ci/run installs Debian's systemd package, or: apt-get install -y --no-install-recommends systemd`, () => undefined);
}

describeWithSystemd('the systemd unit, checked by systemd itself', () => {
  const dir = useTempDir('shopsync-systemd-');

  /** The unit with ExecStart's binary replaced by a stub that exists, in a folder of its own. */
  function unitWithStub(): string {
    const stub = join(dir(), 'bin', 'shopsync');
    mkdirSync(join(dir(), 'bin'));
    writeFileSync(stub, '#!/bin/sh\nexit 0\n');
    chmodSync(stub, 0o755);
    const source = readFileSync(UNIT_FILE, 'utf8');
    expect(source.split(`ExecStart=${EXEC_PATH} `)).toHaveLength(2);
    const copy = join(dir(), 'shopsync.service');
    writeFileSync(copy, source.replace(`ExecStart=${EXEC_PATH} `, `ExecStart=${stub} `));
    return copy;
  }

  test('systemd-analyze verify accepts it without a warning about it', () => {
    const copy = unitWithStub();
    const verified = run('systemd-analyze', ['verify', copy]);
    const aboutUs = verified.output.split('\n').filter((line) => line.includes('shopsync'));
    expect({ code: verified.code, aboutUs }).toEqual({ code: 0, aboutUs: [] });
  });

  test('verify does catch a mistake in it (a misspelt key), so the check above means something', () => {
    const copy = unitWithStub();
    writeFileSync(copy, readFileSync(copy, 'utf8').replace('NoNewPrivileges=yes', 'NoNewPrivilege=yes'));
    expect(run('systemd-analyze', ['verify', copy]).output).toContain("Unknown key 'NoNewPrivilege'");
  });

  test('systemd-analyze security rates its exposure OK or better', () => {
    const rated = run('systemd-analyze', ['security', '--offline=true', unitWithStub()]);
    const level = /Overall exposure level for shopsync\.service: ([\d.]+)/.exec(rated.output);
    expect(level?.[1] === undefined ? rated.output : Number(level[1])).toBeLessThanOrEqual(2.5);
  });

  test('systemd-sysusers creates the shopsync user and group from the sysusers file', () => {
    mkdirSync(join(dir(), 'root', 'etc'), { recursive: true });
    const created = run('systemd-sysusers', ['--dry-run', `--root=${join(dir(), 'root')}`, SYSUSERS_FILE]);
    expect(created.code).toBe(0);
    expect(created.output).toMatch(/Creating group '?shopsync'?/);
    expect(created.output).toMatch(/Creating user '?shopsync'?/);
  });
});
