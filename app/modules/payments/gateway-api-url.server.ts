// Where a town's gateway client may send its client id and secret (issue 11, item 7). A town admin
// types the API URL; left free, the server would post the credentials to any address it can reach
// (an internal service, a metadata endpoint, the admin's own server). Outside the demo and the tests
// only the providers' official API bases are accepted; the simulators (on this machine) only when
// the demo runs or the tests turn them on. Checked where a credential is saved AND where a client is
// built, so a value stored before this rule (or written around it) is still never called.
import { getEnv } from '../env/env.server'
import { AppError } from '../errors/app-error'
import { singleton } from '../util/singleton.server'
import type { CardProvider } from './providers/payment-provider'

/** The official API bases (GoPay REST v3 production and sandbox; Stripe's one API host). */
export const OFFICIAL_GATEWAY_API_URLS: Record<CardProvider, readonly string[]> = {
	gopay: ['https://gate.gopay.cz/api', 'https://gw.sandbox.gopay.com/api'],
	stripe: ['https://api.stripe.com'],
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

// Set by the demo (server.ts --demo) when it starts its simulators; null = ALLOW_GATEWAY_SIMULATORS
// (tests), which production ignores.
const state = singleton('gateway-simulators', () => ({ allowed: null as boolean | null }))

/** The demo (and a test) allows the simulators' loopback URLs; null goes back to the environment. */
export function allowGatewaySimulators(allowed: boolean | null) {
	state.allowed = allowed
}

export function areGatewaySimulatorsAllowed() {
	if (state.allowed !== null) return state.allowed
	const env = getEnv()
	return env.ALLOW_GATEWAY_SIMULATORS && env.NODE_ENV !== 'production'
}

function withoutTrailingSlash(url: string) {
	return url.replace(/\/+$/, '')
}

/** Whether the client may call this API base: an official one, or a simulator on this machine when allowed. */
export function isAllowedGatewayApiUrl(provider: CardProvider, apiUrl: string) {
	let url: URL
	try {
		url = new URL(apiUrl)
	} catch {
		return false
	}
	if (url.username || url.password || url.search || url.hash) return false
	if (OFFICIAL_GATEWAY_API_URLS[provider].includes(withoutTrailingSlash(`${url.origin}${url.pathname}`))) return true
	return areGatewaySimulatorsAllowed() && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)
}

/** Throws `gateway_url_refused` (naming the field apiUrl) unless the API base is allowed. */
export function assertAllowedGatewayApiUrl(provider: CardProvider, apiUrl: string | undefined) {
	if (apiUrl === undefined || isAllowedGatewayApiUrl(provider, apiUrl)) return
	throw new AppError('gateway_url_refused', `The ${provider} API URL is not one of the provider's official API addresses`, [
		`apiUrl: must be empty or one of ${OFFICIAL_GATEWAY_API_URLS[provider].join(', ')}`,
	])
}
