// The built server when Postgres goes away: down at start, down mid-run, slow during a graceful
// shutdown. The server reaches its own database through a TCP proxy (scripts/tcp-proxy.ts) that the
// test switches off (new connections refused, open ones cut) and on again, or slows down. One server
// process for the whole file: the point is that it recovers without a restart.
import http from 'node:http'
import net from 'node:net'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createScratchDatabase, ensureBuild, get, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from '../scripts/built-server'
import { startTcpProxy, type TcpProxy } from '../scripts/tcp-proxy'

const VESELI = 'veseli.localhost'
const ZNOJMO = 'znojmo.localhost'
const UNAVAILABLE_PAGE = 'Služba je dočasně nedostupná'

let database: Awaited<ReturnType<typeof createScratchDatabase>>
let proxy: TcpProxy
let server: ServerProcess
let port: number

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_server_outage'))
	const target = new URL(database.url)
	proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) }, { on: false })
	const viaProxy = new URL(database.url)
	viaProxy.host = `127.0.0.1:${proxy.port}`
	// An empty database and --demo: once it can reach Postgres the server migrates and creates the demo towns.
	server = await startServer({ args: ['--demo'], env: { DATABASE_URL: viaProxy.toString(), LOG_LEVEL: 'warn', SHUTDOWN_TIMEOUT_MS: '15000' } })
	port = server.port
}, 60_000)

afterAll(async () => {
	await server?.stop('SIGKILL')
	await proxy?.off()
	await database?.drop()
})

async function readyz() {
	const response = await get(port, { path: '/readyz', timeoutMs: 3_000 })
	return { status: response.status, body: JSON.parse(response.body) as { status: string; reason?: string } }
}

describe('database outages', () => {
	test('down at start: the server still listens, says why it is not ready, answers town pages with a 503 page, and retries', async () => {
		expect((await get(port, { path: '/healthz' })).status).toBe(200)
		const ready = await readyz()
		expect(ready.status).toBe(503)
		expect(ready.body.reason).toMatch(/^database unreachable: .*ECONNREFUSED/)

		const page = await get(port, { host: VESELI, timeoutMs: 3_000 })
		expect(page.status).toBe(503)
		expect(page.headers['content-type']).toMatch(/^text\/html/)
		expect(page.body).toContain(UNAVAILABLE_PAGE)
		expect(page.body).toContain('Service temporarily unavailable')

		const retry = await server.waitForLine(/database not reachable .*retrying in \d+ s \(attempt \d+\)/)
		expect(JSON.parse(retry)).toMatchObject({ level: 50 })
	})

	test('…and once the database is up, it migrates, creates the demo towns and serves them, without a restart', async () => {
		const pid = server.child.pid
		await proxy.on()
		await waitFor(async () => ((await readyz()).status === 200 ? true : undefined), { timeoutMs: 20_000, what: 'readyz 200' })
		// Both demo towns: the next test cuts the database, which must not happen halfway through creating them.
		for (const [host, name] of [
			[VESELI, 'Město Veselí nad Moravou'],
			[ZNOJMO, 'Město Znojmo'],
		]) {
			const page = await waitFor(
				async () => {
					const response = await get(port, { host, timeoutMs: 3_000 })
					return response.status === 200 ? response : undefined
				},
				{ timeoutMs: 10_000, what: `the page of ${host}` },
			)
			expect(page.body).toContain(name)
		}
		expect(server.isRunning()).toBe(true)
		expect(server.child.pid).toBe(pid)
	}, 40_000)

	test('down mid-run: town pages answer a 503 page quickly (no hang), readyz says why, and both recover when it is back', async () => {
		expect((await get(port, { host: VESELI })).status).toBe(200)
		expect((await readyz()).status).toBe(200)

		await proxy.off()
		const requestId = `outage-${Date.now()}`
		const page = await waitFor(
			async () => {
				// Each answer must come within 3 s; a page served from the warm cache is allowed only
				// until the dropped LISTEN connection has invalidated it.
				const response = await get(port, { host: VESELI, timeoutMs: 3_000, headers: { 'x-request-id': requestId } })
				return response.status === 503 ? response : undefined
			},
			{ timeoutMs: 5_000, intervalMs: 100, what: 'a 503 page while the database is down' },
		)
		expect(page.body).toContain(UNAVAILABLE_PAGE)
		expect(page.ms).toBeLessThan(3_000)
		const ready = await readyz()
		expect(ready.status).toBe(503)
		expect(ready.body.reason).toMatch(/^database unreachable/)
		// The failure is logged as JSON with the request's id.
		const logged = await waitFor(
			async () => server.logRecords().find((record) => record.msg === 'tenant lookup failed' && (record.req as { id?: string })?.id === requestId),
			{ timeoutMs: 2_000, what: 'the error log line' },
		)
		expect(logged).toMatchObject({ level: 50, req: { host: VESELI } })

		await proxy.on()
		await waitFor(
			async () => {
				const response = await get(port, { host: VESELI, timeoutMs: 3_000 })
				return response.status === 200 ? response : undefined
			},
			{ timeoutMs: 10_000, what: 'the Veselí page after the database came back' },
		)
		expect((await readyz()).status).toBe(200)
	}, 30_000)
})

describe('graceful shutdown', () => {
	test('SIGTERM during a slow request: it completes, new connections are refused, readyz says 503, the pool is closed, exit 0', async () => {
		// Cold caches (a NOTIFY makes the server drop them) and a slow database make the next page slow.
		const admin = new pg.Client({ connectionString: database.url })
		await admin.connect()
		await admin.query(`SELECT pg_notify('portal_tenant_changed', '*')`)
		await admin.end()
		await new Promise((resolve) => setTimeout(resolve, 300))
		proxy.setDelay(300)

		// One keep-alive connection: the slow page first, then (queued behind it) a readiness probe.
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
		let slowDone = false
		const slow = get(port, { host: ZNOJMO, agent, timeoutMs: 14_000 }).finally(() => (slowDone = true))
		await new Promise((resolve) => setTimeout(resolve, 250))
		expect(slowDone).toBe(false)
		server.child.kill('SIGTERM')
		await new Promise((resolve) => setTimeout(resolve, 300))

		const probe = get(port, { path: '/readyz', agent, timeoutMs: 14_000 })
		const refused = await new Promise<string>((resolve) => {
			const socket = net.connect(port, '127.0.0.1')
			socket.on('connect', () => {
				socket.destroy()
				resolve('connected')
			})
			socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
		})
		expect(refused).toBe('ECONNREFUSED')
		expect(slowDone).toBe(false)

		const page = await slow
		expect(page.status).toBe(200)
		expect(page.body).toContain('Město Znojmo')
		// The whole streamed document, down to the script that closes Remix's data stream.
		expect(page.body).toContain('</html>')
		expect(page.body).toContain('streamController.close()')
		expect(page.ms).toBeGreaterThan(800)
		const ready = await probe
		expect(ready.status).toBe(503)
		expect(JSON.parse(ready.body)).toEqual({ status: 'unavailable', reason: 'shutting down' })
		agent.destroy()

		// Jobs under way (the demo refreshes its statistics and board fingerprints, slowly on this slow
		// database) may finish first, up to SHUTDOWN_TIMEOUT_MS (15 s here), as the shutdown promises.
		const exit = await Promise.race([server.exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 20_000))])
		expect(exit).toEqual({ code: 0, signal: null })
		expect(server.output()).not.toContain('did not finish in time')
		// Every database connection the server had open since the database came back ended with a
		// protocol Terminate: the pool and the LISTEN client were closed, not cut by the exit.
		await waitFor(async () => (proxy.openConnections().length === 0 ? true : undefined), { timeoutMs: 3_000, what: 'all proxied connections closed' })
		const current = proxy.connections.filter((connection) => connection.generation === proxy.generation)
		expect(current.length).toBeGreaterThanOrEqual(2)
		expect(current.filter((connection) => !connection.terminatedByClient)).toEqual([])
	}, 45_000)
})
