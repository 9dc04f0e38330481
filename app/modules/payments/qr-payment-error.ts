export type QrPaymentErrorCode =
	/** A claim does not exist or the citizen may not read it (also another town's): answered as 404. */
	| 'claim_not_found'
	/** The claim is paid, cancelled, written off or has nothing left to pay. */
	| 'claim_not_payable'
	/** No claims, duplicates or too many in one payment. */
	| 'selection_invalid'
	/** The town has no bank account configured. */
	| 'no_account'

export class QrPaymentError extends Error {
	readonly code: QrPaymentErrorCode
	constructor(code: QrPaymentErrorCode, message: string) {
		super(message)
		this.name = 'QrPaymentError'
		this.code = code
	}
}
