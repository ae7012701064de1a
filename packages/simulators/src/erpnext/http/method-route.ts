import { SHOPSYNC_APP_METHODS } from '../methods/shopsync-app-methods';
import { SHOPSYNC_DOCUMENT_METHODS } from '../methods/shopsync-document-methods';
import { SHOPSYNC_FAILURE_METHODS } from '../methods/shopsync-failure-methods';
import { SHOPSYNC_RUNNER_METHODS } from '../methods/shopsync-runner-methods';
import { ERPNEXT_MAPPER_METHODS } from '../methods/erpnext-mapper-methods';
import { FRAPPE_CLIENT_METHODS } from '../methods/frappe-client-methods';
import type { WhitelistedMethod } from '../methods/method-types';
import type { Ctx } from '../site/site';
import { FrappeError } from '../wire/frappe-error';
import { GUEST } from './authenticate';
import type { FormDict } from './form-dict';
import type { RouteResult } from './resource-routes';

const METHODS: Readonly<Record<string, WhitelistedMethod>> = { ...FRAPPE_CLIENT_METHODS, ...ERPNEXT_MAPPER_METHODS, ...SHOPSYNC_APP_METHODS, ...SHOPSYNC_DOCUMENT_METHODS, ...SHOPSYNC_FAILURE_METHODS, ...SHOPSYNC_RUNNER_METHODS };

/**
 * `/api/method/<dotted.path>` (notes §2): `{"message": value}`, or `{}` when the method returns
 * None. An unknown path is a 417 "Failed to get method", a wrong verb a 403 "Not permitted".
 */
export function methodRoute(ctx: Ctx, verb: string, path: string, form: FormDict): RouteResult {
  const method = METHODS[path];
  if (!method) {
    ctx.log.throw(`Failed to get method for command ${path} with No module named '${path.split('.')[0] ?? path}'`);
  }
  if (ctx.user === GUEST && !method.allowGuest) {
    throw new FrappeError({ excType: 'PermissionError', errorMessage: 'Not permitted' });
  }
  if (method.verbs && !method.verbs.includes(verb)) ctx.log.throw('Not permitted', 'PermissionError');
  const { cmd: _cmd, ...args } = form;
  const value = method.run(ctx, args);
  return { status: 200, payload: value === undefined ? {} : { message: value } };
}
