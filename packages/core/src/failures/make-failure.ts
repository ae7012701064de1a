import { CORE_FAILURE_CODES, type CoreFailureCode } from './failure-codes';
import type { Failure, FailureSubject } from './failure';

export function coreFailure(
  code: CoreFailureCode,
  subject: FailureSubject,
  params: Record<string, string | number>,
): Failure {
  const info = CORE_FAILURE_CODES[code];
  return { code, category: info.category, retryable: info.retryable, subject, params };
}
