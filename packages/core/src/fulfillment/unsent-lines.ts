/** A line of a fulfillment request: the order's line item and the units to fulfil. */
export interface FulfilmentLine {
  readonly lineItemId: string;
  readonly quantity: number;
}

/**
 * The units of a request still to send after an attempt whose outcome is unknown (a lost response,
 * a crash before the result was recorded). fulfillmentCreate has no idempotency key, and capping at
 * what remains does not make a resend safe: a note that ships 2 of 3 units would ship the third.
 * So the attempt records each line's remaining quantity before it sends; what has left a line since
 * counts as sent (at most what was asked for), and only the rest is sent again. A line fulfilled by
 * hand meanwhile also counts as sent, which never fulfils more than the note shipped.
 */
export function unsentLines(lines: readonly FulfilmentLine[], remainingBefore: Readonly<Record<string, number>>, remainingNow: ReadonlyMap<string, number>): FulfilmentLine[] {
  const out: FulfilmentLine[] = [];
  for (const line of lines) {
    const before = remainingBefore[line.lineItemId] ?? 0;
    const now = remainingNow.get(line.lineItemId) ?? 0;
    const sent = Math.min(line.quantity, Math.max(0, before - now));
    if (line.quantity - sent > 0) out.push({ lineItemId: line.lineItemId, quantity: line.quantity - sent });
  }
  return out;
}
