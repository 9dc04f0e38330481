export type ParsedMovement = {
  movementKey: string /* stable unique key of the bank movement */;
  line?: number;
  bookingDate: string /* YYYY-MM-DD */;
  valueDate?: string;
  amount: number /* haléře, + credit, - debit */;
  kind: 'credit' | 'debit' | 'credit_reversal' | 'debit_reversal';
  variableSymbol?: string /* no leading zeros */;
  specificSymbol?: string;
  constantSymbol?: string;
  counterAccount?: string;
  counterName?: string;
  message?: string;
  bankReference?: string;
};
export type ParsedStatement = {
  format: 'gpc' | 'camt053' | 'fio';
  accountNumber: string;
  accountIban?: string;
  statementId?: string;
  from?: string;
  to?: string;
  openingBalance?: number;
  closingBalance?: number;
  movements: ParsedMovement[];
};
export type StatementError = { line?: number; code: string; params?: Record<string, string | number> };
export type ParseResult =
  | { ok: true; statement: ParsedStatement }
  | { ok: false; format?: ParsedStatement['format']; errors: StatementError[] };

export function signedAmount(kind: ParsedMovement['kind'], abs: number): number {
  // A debit reversal returns money to the account; a credit reversal takes it away.
  return kind === 'credit' || kind === 'debit_reversal' ? abs : -abs;
}
