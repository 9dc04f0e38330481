// GoPay answers errors as {errors:[{error_code, error_name, field, message}]}; we keep the codes
// so callers can tell validation problems from gateway trouble.
export type GoPayErrorDetail = { error_code: number; error_name?: string; field?: string; message?: string }

export class GoPayError extends Error {
	readonly status: number
	readonly errors: GoPayErrorDetail[]
	/** True when trying again later may succeed (timeout, network, 5xx). */
	readonly retryable: boolean
	constructor(message: string, options: { status: number; errors?: GoPayErrorDetail[]; retryable?: boolean; cause?: unknown }) {
		super(message, { cause: options.cause })
		this.name = 'GoPayError'
		this.status = options.status
		this.errors = options.errors ?? []
		this.retryable = options.retryable ?? (options.status === 0 || options.status >= 500)
	}
	get codes(): number[] {
		return this.errors.map((e) => e.error_code)
	}
}
