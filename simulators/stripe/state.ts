// In-memory books of the simulated Stripe: objects belong to one account and are invisible to others.
import { randomBytes } from 'node:crypto'
import type { LoggedRequest, StripeObject, StripeSimulatorAccount, WebhookDelivery } from './types'

/** The API version the simulator claims in events (the one the installed SDK pins). */
export const API_VERSION = '2026-10-28.endive'

export interface Account extends StripeSimulatorAccount {
	events: StripeObject[]
}

export interface StoredObject {
	account: Account
	value: StripeObject
}

export interface IdempotentAnswer {
	bodyFingerprint: string
	path: string
	status: number
	body: unknown
}

export interface SimulatorState {
	publicUrl: string
	accounts: Map<string, Account>
	objects: Map<string, StoredObject>
	idempotency: Map<string, IdempotentAnswer>
	requests: LoggedRequest[]
	deliveries: WebhookDelivery[]
	retryDelaysMs: number[]
	webhookDelayMs: number
	apiHang: boolean
	pendingDeliveries: Set<Promise<void>>
}

/** Stripe ids are a type prefix and 24 random base62-ish characters. */
export function newId(prefix: string) {
	return `${prefix}_test_${randomBytes(18).toString('base64url').replace(/[-_]/g, '0').slice(0, 24)}`
}

export const nowSeconds = () => Math.floor(Date.now() / 1000)

export function store(state: SimulatorState, account: Account, value: StripeObject) {
	state.objects.set(value.id, { account, value })
	return value
}

/** An object of this account with this type, or undefined (another account's object is "missing", as on Stripe). */
export function find(state: SimulatorState, account: Account, id: string, object: string) {
	const stored = state.objects.get(id)
	return stored && stored.account === account && stored.value.object === object ? stored.value : undefined
}
