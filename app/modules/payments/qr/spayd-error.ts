export type SpaydErrorCode =
	'invalid_iban' | 'invalid_amount' | 'invalid_variable_symbol' | 'invalid_specific_symbol' | 'invalid_constant_symbol' | 'invalid_due_date'

export class SpaydError extends Error {
	readonly code: SpaydErrorCode
	constructor(code: SpaydErrorCode, message?: string) {
		super(message ?? code)
		this.name = 'SpaydError'
		this.code = code
	}
}
