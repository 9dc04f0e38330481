import { getEnv } from '../env/env.server'
import { singleton } from '../util/singleton.server'

// Every absolute link to a town (e-mails, gateway return and notification URLs, NIA endpoints, CLI
// output) comes from here: the town's STORED primary host (platform.tenant_host) plus the configured
// public scheme and port. Never from the request's Host or X-Forwarded-Host: a link in an e-mail must
// not carry a host or port the sender of a request chose (docs/decisions/014).

export type PublicOrigin = { scheme: 'http' | 'https'; port?: number }

// Set by the server once it listens (the demo: http on the port it actually got). Shared with the
// Remix bundle through globalThis.
const state = singleton('public-origin', () => ({ configured: null as PublicOrigin | null, listeningPort: null as number | null }))

/** The demo (or a test) fixes the scheme and port links use; null goes back to the environment. */
export function setPublicOrigin(origin: PublicOrigin | null) {
	state.configured = origin
}

/** The port this process serves on (PORT may be 0: any free port), the default outside production. */
export function setListeningPort(port: number | null) {
	state.listeningPort = port
}

/**
 * The scheme and port of town links: PUBLIC_URL_SCHEME (+ PUBLIC_URL_PORT) when set; otherwise, in
 * production, https without a port (TLS ends at the proxy), and elsewhere (development, tests, the
 * CLI next to a demo) http on the port the server listens on (PORT). The demo sets http and its port.
 */
export function getPublicOrigin(): PublicOrigin {
	if (state.configured) return state.configured
	const env = getEnv()
	if (env.PUBLIC_URL_SCHEME) return { scheme: env.PUBLIC_URL_SCHEME, port: env.PUBLIC_URL_PORT }
	if (env.NODE_ENV === 'production') return { scheme: 'https', port: env.PUBLIC_URL_PORT }
	return { scheme: 'http', port: env.PUBLIC_URL_PORT ?? state.listeningPort ?? env.PORT }
}

/** `https://veseli.example` (no trailing slash) for a town's stored primary host. */
export function townOrigin(primaryHost: string): string {
	if (!/^[a-z0-9.-]+$/.test(primaryHost)) throw new Error(`Not a stored host name: ${JSON.stringify(primaryHost)}`)
	const { scheme, port } = getPublicOrigin()
	const isDefaultPort = !port || (scheme === 'https' && port === 443) || (scheme === 'http' && port === 80)
	return `${scheme}://${primaryHost}${isDefaultPort ? '' : `:${port}`}`
}

/** An absolute link to a path of a town, e.g. townUrl('veseli.example', '/urad/obnova-hesla?token=…'). */
export function townUrl(primaryHost: string, path: string): string {
	return `${townOrigin(primaryHost)}${path.startsWith('/') ? path : `/${path}`}`
}
