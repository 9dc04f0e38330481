export type ParsedMovement = {
	movementKey: string /* stable unique key of the bank movement */
	line?: number
	bookingDate: string /* YYYY-MM-DD */
	valueDate?: string
	amount: number /* haléře, + credit, - debit */
	kind: 'credit' | 'debit' | 'credit_reversal' | 'debit_reversal'
	variableSymbol?: string /* no leading zeros */
	specificSymbol?: string
	constantSymbol?: string
	counterAccount?: string
	counterName?: string
	message?: string
	bankReference?: string
}
export type ParsedStatement = {
	format: 'gpc' | 'camt053' | 'fio'
	accountNumber: string
	accountIban?: string
	statementId?: string
	from?: string
	to?: string
	openingBalance?: number
	closingBalance?: number
	movements: ParsedMovement[]
}
/**
 * Every code a parser can emit. describeStatementError takes a message table keyed by this union, so a
 * code added here without a message in each bank.json `errors` does not compile.
 */
export const STATEMENT_ERROR_CODES = [
	'empty_file',
	'unknown_format',
	'gpc_unknown_record',
	'gpc_record_length',
	'gpc_bad_date',
	'gpc_bad_amount',
	'gpc_bad_posting_code',
	'gpc_missing_header',
	'camt_bad_xml',
	'camt_bad_structure',
	'camt_bad_date',
	'camt_bad_amount',
	'camt_missing_reference',
	'fio_bad_json',
	'fio_bad_structure',
	'fio_missing_id',
	'fio_bad_date',
	'fio_bad_amount',
] as const
export type StatementErrorCode = (typeof STATEMENT_ERROR_CODES)[number]
export type StatementError = { line?: number; code: StatementErrorCode; params?: Record<string, string | number> }
export type ParseResult = { ok: true; statement: ParsedStatement } | { ok: false; format?: ParsedStatement['format']; errors: StatementError[] }

export function signedAmount(kind: ParsedMovement['kind'], abs: number): number {
	// A debit reversal returns money to the account; a credit reversal takes it away.
	return kind === 'credit' || kind === 'debit_reversal' ? abs : -abs
}
