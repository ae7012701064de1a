import type { CheckResult, DoctorReport } from './types';

const MARK = { ok: 'ok     ', problem: 'PROBLEM', skipped: 'skipped' } as const;

function checkLines(check: CheckResult): string[] {
  const head = `${MARK[check.status]}  ${check.id}${check.shop === undefined ? '' : ` (${check.shop})`}: ${check.detail}`;
  if (check.fix === undefined) return [head];
  return [head, `         ${check.status === 'problem' ? 'fix' : 'how to check'}: ${check.fix}`];
}

/** The report as the operator reads it: one line per check, its fix under each problem, a verdict. */
export function formatDoctor(report: DoctorReport): string {
  const problems = report.checks.filter((check) => check.status === 'problem').length;
  const verdict = problems === 0 ? 'no problems found' : `${problems} problem${problems === 1 ? '' : 's'} found`;
  return [...report.checks.flatMap(checkLines), '', verdict].join('\n');
}
