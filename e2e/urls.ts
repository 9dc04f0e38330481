import type { APIRequestContext } from '@playwright/test'

// Where the e2e server listens and the host names the demo towns answer on. Chromium resolves any
// *.localhost name to loopback; Node does not, so API requests go to 127.0.0.1 with a Host header.
export const PORT = Number(process.env.E2E_PORT ?? 3100)
export const SERVER_ORIGIN = `http://127.0.0.1:${PORT}`

export const hosts = {
	veseli: `veseli.localhost:${PORT}`,
	veseliSecondary: `veseli-nad-moravou.localhost:${PORT}`,
	znojmo: `znojmo.localhost:${PORT}`,
	platform: `admin.localhost:${PORT}`,
	/** Onboarded by e2e/onboarding.spec.ts through the vendor console's wizard. */
	novaves: `novaves.localhost:${PORT}`,
	unknown: `nikde.localhost:${PORT}`,
} as const

export function urlOn(host: keyof typeof hosts, path = '/') {
	return `http://${hosts[host]}${path}`
}

/** GET through Playwright's API client (Node), addressed by Host header since Node cannot resolve *.localhost. */
export function getOnHost(
	request: APIRequestContext,
	host: keyof typeof hosts,
	path = '/',
	options: { maxRedirects?: number; headers?: Record<string, string> } = {},
) {
	return request.get(`${SERVER_ORIGIN}${path}`, { ...options, headers: { ...options.headers, host: hosts[host] } })
}
