// Stripe's error shape: { error: { type, message, code?, param?, doc_url? } } with the status Stripe uses.
export class StripeApiError extends Error {
	constructor(
		readonly status: number,
		readonly type: 'invalid_request_error' | 'idempotency_error' | 'api_error',
		message: string,
		readonly extra: { code?: string; param?: string } = {},
	) {
		super(message)
	}

	toJSON() {
		const docUrl = this.extra.code ? `https://stripe.com/docs/error-codes/${this.extra.code.replace(/_/g, '-')}` : undefined
		return { error: { type: this.type, message: this.message, ...this.extra, ...(docUrl ? { doc_url: docUrl } : {}) } }
	}
}

export const missing = (id: string, param = 'id') =>
	new StripeApiError(404, 'invalid_request_error', `No such ${param === 'id' ? 'object' : param}: '${id}'`, { code: 'resource_missing', param })

export const invalid = (message: string, param?: string) =>
	new StripeApiError(400, 'invalid_request_error', message, { ...(param ? { param } : {}), code: 'parameter_invalid_string' })

export const required = (param: string) =>
	new StripeApiError(400, 'invalid_request_error', `Missing required param: ${param}.`, { code: 'parameter_missing', param })
