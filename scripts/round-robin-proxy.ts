// A small HTTP reverse proxy that hands each request to the next backend in turn (round robin), as a
// load balancer in front of several web processes would. It keeps the Host header and the body as they
// came, and names the backend that answered in `x-served-by` (the backend's index), so a test can
// show that one request went to one process and the next to the other. No keep-alive to backends:
// every request picks its backend afresh.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type RoundRobinProxy = {
	port: number
	/** How many requests each backend has answered. */
	served: number[]
	close(): Promise<void>
}

export async function startRoundRobinProxy(backends: { port: number; host?: string }[]): Promise<RoundRobinProxy> {
	if (backends.length === 0) throw new Error('startRoundRobinProxy needs at least one backend')
	let next = 0
	const served = backends.map(() => 0)
	const server = http.createServer((request, response) => {
		const index = next
		next = (next + 1) % backends.length
		const backend = backends[index]!
		const upstream = http.request(
			{ host: backend.host ?? '127.0.0.1', port: backend.port, method: request.method, path: request.url, headers: request.headers, agent: false },
			(answer) => {
				served[index]! += 1
				response.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': String(index) })
				answer.pipe(response)
			},
		)
		upstream.on('error', (error) => {
			if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain', 'x-served-by': String(index) })
			response.end(`bad gateway: ${error.message}`)
		})
		request.pipe(upstream)
	})
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => resolve())
	})
	return {
		port: (server.address() as AddressInfo).port,
		served,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	}
}
