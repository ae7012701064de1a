import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SyncError } from '@shopsync/core';
import { SIMULATED_APP_VERSION } from '@shopsync/simulators';
import { checkAppVersion } from '../packages/runner/src/doctor/app-version-check';

const answering = (answer: () => Promise<unknown>) => ({ callMethod: answer, listAll: async () => [] }) as never;

describe('doctor compares the companion app on the site with the runner', () => {
  test('the same version: ok; another: a problem naming both and how to align them', async () => {
    expect(await checkAppVersion(answering(async () => ({ app: 'shopsync', version: '0.1.0' })), '0.1.0')).toMatchObject({ id: 'erpnext.app_version', status: 'ok', data: { runner: '0.1.0', app: '0.1.0' } });
    const older = await checkAppVersion(answering(async () => ({ app: 'shopsync', version: '0.0.9' })), '0.1.0');
    expect(older).toMatchObject({ status: 'problem', data: { runner: '0.1.0', app: '0.0.9' } });
    expect(older.detail).toBe('the companion app on the site is 0.0.9, this runner is 0.1.0');
    expect(older.fix).toContain('bench --site SITE migrate');
  });

  test('an app without the method is older than this runner: a problem, not a skip', async () => {
    const missing = SyncError.permanent({ code: 'erpnext.validation', category: 'validation', message: "Failed to get method for command shopsync.api.app_version with module 'shopsync.api' has no attribute 'app_version'" });
    expect(await checkAppVersion(answering(async () => Promise.reject(missing)), '0.1.0')).toMatchObject({ status: 'problem', data: { app: null } });
  });

  test('an unreachable or forbidden method is skipped with how to check by hand', async () => {
    const forbidden = SyncError.permanent({ code: 'erpnext.permission', category: 'auth', message: 'Not permitted' });
    expect(await checkAppVersion(answering(async () => Promise.reject(forbidden)), '0.1.0')).toMatchObject({ status: 'skipped', fix: expect.stringContaining('Sync Log') });
  });

  test('the simulator answers for the app of this repository', () => {
    const init = readFileSync(join(__dirname, '..', 'frappe_app', 'shopsync', '__init__.py'), 'utf8');
    expect(/__version__ = "([^"]+)"/.exec(init)?.[1]).toBe(SIMULATED_APP_VERSION);
  });
});
