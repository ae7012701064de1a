import type { FailureCode } from './failure-codes';
import { failureCodeInfo } from './find-failure-code';
import type { Failure, FailureSubject } from './failure';

/** A failure the core decides, with the category and retry safety of its code's row. */
export function coreFailure(
  code: FailureCode,
  subject: FailureSubject,
  params: Record<string, string | number>,
): Failure {
  const info = failureCodeInfo(code);
  return { code, category: info.category, retryable: info.retryable, subject, params };
}
