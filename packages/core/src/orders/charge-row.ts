/** An ERPNext "Actual" charge: a fixed amount on an account (tax, shipping, tip, duties, rounding). */
export interface ChargeRow {
  readonly account: string;
  readonly description: string;
  readonly cents: number;
}
