import http from 'node:http'
import https from 'node:https'

/**
 * An HTTP request from a simulator to the portal. The demo's towns live on *.localhost names that Node
 * does not resolve (a browser does), so such a request goes to 127.0.0.1 with the town's Host header,
 * the way the browser would reach it. Resolves with the status (0 when unreachable or timed out).
 */
export function loopbackRequest(
	url: string,
	init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<number> {
	const target = new URL(url)
	const client = target.protocol === 'https:' ? https : http
	const hostHeader = target.host
	if (target.hostname.endsWith('.localhost')) target.hostname = '127.0.0.1'
	return new Promise((resolve) => {
		const request = client.request(
			target,
			{
				method: init.method,
				headers: { ...init.headers, Host: hostHeader, ...(init.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(init.body)) } : {}) },
				timeout: init.timeoutMs,
			},
			(response) => {
				response.resume()
				response.on('end', () => resolve(response.statusCode ?? 0))
				response.on('error', () => resolve(0))
			},
		)
		request.on('timeout', () => request.destroy(new Error('timeout')))
		request.on('error', () => resolve(0))
		request.end(init.body)
	})
}
