import http from 'node:http'
import https from 'node:https'

/**
 * POSTs with node:http rather than fetch so that a Host header can be set: the demo's towns live on
 * *.localhost names that Node does not resolve, so the callback goes to 127.0.0.1 with the town's Host.
 */
export function postCallback(url: string, headers: Record<string, string>, body: string, host?: string): Promise<{ status: number; body: string }> {
	const target = new URL(url)
	const client = target.protocol === 'https:' ? https : http
	return new Promise((resolve, reject) => {
		const request = client.request(
			target,
			{ method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)), ...(host ? { Host: host } : {}) }, timeout: 10_000 },
			(response) => {
				const chunks: Buffer[] = []
				response.on('data', (chunk: Buffer) => chunks.push(chunk))
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
				response.on('error', reject)
			},
		)
		request.on('timeout', () => request.destroy(new Error('no answer within 10 s')))
		request.on('error', reject)
		request.end(body)
	})
}
