/** A thrown client error as doctor reports it: its stable code (SyncError) and its message. */
export function errorText(error: unknown): { readonly code: string | null; readonly message: string } {
  const code = typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : null;
  return { code, message: error instanceof Error ? error.message : String(error) };
}

/** True for the codes that mean "these credentials are refused", as opposed to "nobody answered". */
export function isAuthCode(code: string | null): boolean {
  return code !== null && /^(erpnext|shopify)\.(auth|permission|access_denied)$/.test(code);
}

/** "a, b, c and 4 more": the first `max` names and how many were left out. */
export function listSome(names: readonly string[], max = 20): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
