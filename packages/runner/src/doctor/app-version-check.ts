import { isSyncError } from '@shopsync/core';
import runnerPackage from '../../package.json';
import { isMissingMethod } from '../worker/document-writes';
import { errorText } from './error-text';
import { CHECK_IDS, ok, problem, skipped, type CheckResult, type DoctorErpnext } from './types';

export const APP_VERSION_METHOD = 'shopsync.api.app_version';

/**
 * The companion app on the site is the same version as this runner: the runner and the app change
 * together (the entries the mirrors send, apply_documents), so a site left on an older app after the
 * runner was upgraded — or the other way round — is a problem with a fix, not a surprise later.
 */
export async function checkAppVersion(erpnext: DoctorErpnext, runnerVersion: string = runnerPackage.version): Promise<CheckResult> {
  const id = CHECK_IDS.appVersion;
  let answer: { version?: unknown } | null | undefined;
  try {
    answer = await erpnext.callMethod<{ version?: unknown }>(APP_VERSION_METHOD, {}, { verb: 'GET' });
  } catch (error) {
    if (isMissingMethod(error, APP_VERSION_METHOD)) {
      return problem(id, `the companion app on the site is older than 0.1.0 (it has no ${APP_VERSION_METHOD}); this runner is ${runnerVersion}`, `Update the app to ${runnerVersion}: bench get-app (branch frappe-app), then bench --site SITE migrate.`, { runner: runnerVersion, app: null });
    }
    const { code, message } = errorText(error);
    const permission = isSyncError(error) && error.code === 'erpnext.permission';
    return skipped(id, `the app's version could not be read (${code ?? 'error'}): ${message}`, permission ? "Give the runner's user read access to Sync Log (the Shopsync Runner role has it)." : 'Check that the companion app is installed on the site.');
  }
  const appVersion = typeof answer?.version === 'string' ? answer.version : null;
  if (appVersion === runnerVersion) return ok(id, `the companion app on the site is ${appVersion}, as this runner`, { runner: runnerVersion, app: appVersion });
  return problem(id, `the companion app on the site is ${appVersion ?? 'of an unknown version'}, this runner is ${runnerVersion}`, `Install the same version of both: update the app (bench get-app on branch frappe-app, then bench --site SITE migrate) or the runner (npm install -g shopsync-runner-${appVersion ?? '<version>'}.tgz).`, { runner: runnerVersion, app: appVersion });
}
