import { assertAllowedGatewayApiUrl } from '../gateway-api-url.server'
import { GoPayError, type GoPayErrorDetail } from './gopay-error'

export type GoPayConfig = { apiUrl: string; goId: string; clientId: string; clientSecret: string }
export type GoPayState = 'CREATED' | 'PAYMENT_METHOD_CHOSEN' | 'PAID' | 'AUTHORIZED' | 'CANCELED' | 'TIMEOUTED' | 'REFUNDED' | 'PARTIALLY_REFUNDED'
export type GoPayPayment = { id: number; order_number: string; state: GoPayState; amount: number; currency: string; gw_url?: string; lang?: string }
export type GoPayCreatePaymentInput = {
	amount: number
	currency: 'CZK'
	orderNumber: string
	orderDescription: string
	items: { name: string; amount: number; count: number }[]
	returnUrl: string
	notificationUrl: string
	lang: 'CS' | 'EN' | 'UK' | 'SK' | 'DE'
	payer?: { email?: string; allowedPaymentInstruments?: string[] }
}
export type GoPayRefundResult = { id: number; result: 'ACCEPTED' | 'FINISHED' | 'FAILED' }
export interface GoPayClient {
	createPayment(input: GoPayCreatePaymentInput): Promise<GoPayPayment>
	getStatus(paymentId: string | number): Promise<GoPayPayment>
	refund(paymentId: string | number, amount: number): Promise<GoPayRefundResult>
}

type CachedToken = { token: string; expiresAt: number }
// Shared across clients so many requests reuse one token per (apiUrl, clientId, scope).
const tokenCache = new Map<string, CachedToken>()
const EXPIRY_MARGIN_MS = 60_000

export function clearGoPayTokenCache() {
	tokenCache.clear()
}

export function createGoPayClient(config: GoPayConfig, options: { fetch?: typeof fetch; timeoutMs?: number } = {}): GoPayClient {
	// Again here, not only when saving: the client id and secret go to this address.
	assertAllowedGatewayApiUrl('gopay', config.apiUrl)
	const doFetch = options.fetch ?? fetch
	const timeoutMs = options.timeoutMs ?? 15_000
	const base = config.apiUrl.replace(/\/$/, '')

	async function call(path: string, init: RequestInit): Promise<unknown> {
		let response: Response
		try {
			response = await doFetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) })
		} catch (cause) {
			throw new GoPayError(`GoPay request ${path} failed: ${(cause as Error).name}`, { status: 0, retryable: true, cause })
		}
		const text = await response.text().catch(() => '')
		let body: unknown = undefined
		try {
			body = text ? JSON.parse(text) : undefined
		} catch {
			body = undefined
		}
		if (!response.ok) {
			const errors = (body as { errors?: GoPayErrorDetail[] } | undefined)?.errors ?? []
			const detail = errors.map((e) => `${e.error_code} ${e.error_name ?? ''}${e.field ? ` (${e.field})` : ''}`).join(', ')
			throw new GoPayError(`GoPay ${path} answered ${response.status}${detail ? `: ${detail}` : ''}`, { status: response.status, errors })
		}
		return body
	}

	async function token(scope: 'payment-create' | 'payment-all'): Promise<string> {
		const key = `${base}|${config.clientId}|${scope}`
		const cached = tokenCache.get(key)
		if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return cached.token
		const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')
		const body = (await call('/oauth2/token', {
			method: 'POST',
			headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}` },
			body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
		})) as { access_token: string; expires_in: number }
		tokenCache.set(key, { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 })
		return body.access_token
	}

	async function authed(path: string, init: RequestInit & { headers?: Record<string, string> }) {
		const t = await token('payment-all')
		return call(path, { ...init, headers: { Accept: 'application/json', ...init.headers, Authorization: `Bearer ${t}` } })
	}

	return {
		async createPayment(input) {
			const body = {
				payer: {
					...(input.payer?.allowedPaymentInstruments ? { allowed_payment_instruments: input.payer.allowedPaymentInstruments } : {}),
					...(input.payer?.email ? { contact: { email: input.payer.email } } : {}),
				},
				target: { type: 'ACCOUNT', goid: Number(config.goId) },
				amount: input.amount,
				currency: input.currency,
				order_number: input.orderNumber,
				order_description: input.orderDescription,
				items: input.items.map((i) => ({ type: 'ITEM', name: i.name, amount: i.amount, count: i.count })),
				callback: { return_url: input.returnUrl, notification_url: input.notificationUrl },
				lang: input.lang,
			}
			return (await authed('/payments/payment', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			})) as GoPayPayment
		},
		async getStatus(paymentId) {
			return (await authed(`/payments/payment/${encodeURIComponent(String(paymentId))}`, { method: 'GET' })) as GoPayPayment
		},
		async refund(paymentId, amount) {
			return (await authed(`/payments/payment/${encodeURIComponent(String(paymentId))}/refund`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ amount: String(amount) }).toString(),
			})) as GoPayRefundResult
		},
	}
}
