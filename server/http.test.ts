// The built server over real HTTP: bad input at the edge (hosts, headers, locales), health and
// readiness, suspended towns, host redirects, CSP nonces, request ids and logs, and the two ways it
// refuses to start (bad configuration, an edited migration). One server for the file, on a database
// of its own (created here and dropped after; the process-wide pool that tests/db.ts helpers use is
// pointed at it), with the two demo towns applied as an operator would.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { portal } from '../tests/cli'
import { copyMigrationsRoot, createTown, migrate, REPO_ROOT, sql } from '../tests/db'
import { readMigrations, migrationsDir } from '../app/modules/db/migrations.server'
import { getPool, initPool } from '../app/modules/db/pool.server'
import { setTenantStatus } from '../app/modules/tenancy/set-tenant-status.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import {
	createScratchDatabase,
	ensureBuild,
	get,
	post,
	rawRequest,
	startServer,
	uniqueDatabaseName,
	waitFor,
	type ServerProcess,
} from '../scripts/built-server'

const VESELI = 'veseli.localhost'
const VESELI_SECONDARY = 'veseli-nad-moravou.localhost'
const ZNOJMO = 'znojmo.localhost'
const TOWN_WORDS = /veseli|veselí|znojm|moravou/i

let server: ServerProcess
let port: number
let database: Awaited<ReturnType<typeof createScratchDatabase>>

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_server_http'))
	process.env.DATABASE_URL = database.url
	initPool(database.url, { max: 4 })
	await migrate()
	for (const slug of ['veseli-nad-moravou', 'znojmo']) {
		await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants', slug)), actor: 'test' })
	}
	// A host cache TTL of ten minutes: a suspension that shows at once can only come from LISTEN/NOTIFY.
	// A tenant client cache of 3, so that visiting a dozen towns evicts clients.
	server = await startServer({
		env: { DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: 'info', TENANT_CACHE_TTL_MS: '600000', TENANT_CLIENT_CACHE_SIZE: '3' },
	})
	port = server.port
	await waitFor(async () => ((await get(port, { path: '/readyz' })).status === 200 ? true : undefined), { what: 'readyz 200' })
}, 90_000)

afterAll(async () => {
	await server?.stop()
	await database?.drop()
})

describe('bad input at the edge', () => {
	test('an unknown host gets a plain 404 page that names no town', async () => {
		const response = await get(port, { host: `nikde.localhost:${port}` })
		expect(response.status).toBe(404)
		expect(response.headers['content-type']).toMatch(/^text\/html/)
		expect(response.body).toContain('Stránka nenalezena')
		expect(response.body).not.toMatch(TOWN_WORDS)
	})

	test.each([
		['with a space', 'bad host'],
		['a path', '../etc'],
		['empty', ''],
		['300 characters of valid labels', `${`${'a'.repeat(59)}.`.repeat(5)}localhost`],
		['an underscore', 'bad_host.localhost'],
		['userinfo', 'user@veseli.localhost'],
	])('a malformed Host header (%s) gets 400', async (_name, host) => {
		const response = await rawRequest(port, `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
		expect(response.status).toBe(400)
		expect(response.text).not.toMatch(TOWN_WORDS)
	})

	test('a request without a Host header gets 400', async () => {
		expect((await rawRequest(port, 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n')).status).toBe(400)
	})

	test('headers over 16 KiB get 431; a 12 KiB header is still served', async () => {
		const big = await rawRequest(port, `GET / HTTP/1.1\r\nHost: ${VESELI}\r\nX-Filler: ${'a'.repeat(17 * 1024)}\r\nConnection: close\r\n\r\n`)
		expect(big.status).toBe(431)
		const fits = await get(port, { host: VESELI, headers: { 'x-filler': 'a'.repeat(12 * 1024) } })
		expect(fits.status).toBe(200)
	})

	test('an unknown locale (?lng=xx) is ignored: 200 in Czech, and no language cookie is set', async () => {
		const response = await get(port, { host: VESELI, path: '/?lng=xx' })
		expect(response.status).toBe(200)
		expect(response.body).toMatch(/<html lang="cs"/)
		expect(response.body).toContain('Co můžete vyřídit')
		expect(response.headers['set-cookie'] ?? []).toEqual([])
	})
})

describe('health and readiness', () => {
	test('/healthz answers 200 whatever the Host', async () => {
		for (const host of [VESELI, 'nikde.localhost', '../etc', undefined]) {
			const response = await get(port, { path: '/healthz', host })
			expect(response.status, `host ${host}`).toBe(200)
			expect(JSON.parse(response.body)).toEqual({ status: 'ok' })
		}
	})

	test('/readyz is 200 when migrated and 503 naming the schema whose ledger lacks the latest migration', async () => {
		expect(await get(port, { path: '/readyz' })).toMatchObject({ status: 200 })
		const [latest] = await sql<{ schema_name: string; name: string; checksum: string; applied_at: Date }>(
			`SELECT * FROM platform.schema_migration WHERE schema_name = 'tenant_znojmo' ORDER BY name DESC LIMIT 1`,
		)
		const tenantMigrations = await readMigrations('tenant', REPO_ROOT)
		expect(latest.name).toBe(tenantMigrations.at(-1)?.name)
		await sql(`DELETE FROM platform.schema_migration WHERE schema_name = $1 AND name = $2`, [latest.schema_name, latest.name])
		try {
			const response = await get(port, { path: '/readyz' })
			expect(response.status).toBe(503)
			const body = JSON.parse(response.body)
			expect(body.status).toBe('unavailable')
			expect(body.reason).toContain('tenant_znojmo')
			expect(body.reason).not.toContain('tenant_veseli')
		} finally {
			await sql(`INSERT INTO platform.schema_migration (schema_name, name, checksum, applied_at) VALUES ($1, $2, $3, $4)`, [
				latest.schema_name,
				latest.name,
				latest.checksum,
				latest.applied_at,
			])
		}
		expect(await get(port, { path: '/readyz' })).toMatchObject({ status: 200 })
	})
})

describe('towns', () => {
	test('a suspended town answers 503 in Czech and English at once (LISTEN/NOTIFY, not the TTL), and 200 again after resume through the CLI', async () => {
		expect((await get(port, { host: ZNOJMO })).status).toBe(200) // cached now, for ten minutes
		expect(await setTenantStatus({ pool: getPool(), slug: 'znojmo', status: 'suspended', actor: 'test' })).toBe(true)

		const suspended = await waitFor(
			async () => {
				const response = await get(port, { host: ZNOJMO })
				return response.status === 503 ? response : undefined
			},
			{ timeoutMs: 2_000, intervalMs: 50, what: 'znojmo suspended' },
		)
		expect(suspended.body).toMatch(/<html lang="cs"/)
		expect(suspended.body).toContain('Portál je dočasně mimo provoz')
		expect(suspended.body).toContain('<h2 lang="en">The portal is temporarily unavailable</h2>')
		expect(suspended.headers['cache-control']).toBe('no-store')
		// Other towns are untouched.
		expect((await get(port, { host: VESELI })).status).toBe(200)

		const cli = await portal(['tenant', 'resume', 'znojmo'])
		expect(cli).toMatchObject({ code: 0 })
		expect(cli.stdout).toContain('znojmo: now active')
		const resumed = await waitFor(
			async () => {
				const response = await get(port, { host: ZNOJMO })
				return response.status === 200 ? response : undefined
			},
			{ timeoutMs: 2_000, intervalMs: 50, what: 'znojmo resumed' },
		)
		expect(resumed.body).toContain('Město Znojmo')
	})

	test('a secondary host redirects (301) to the primary one, keeping path, query and port', async () => {
		const response = await get(port, { host: `${VESELI_SECONDARY}:${port}`, path: '/some/page?b=1&c=%C3%A9' })
		expect(response.status).toBe(301)
		expect(response.headers.location).toBe(`http://${VESELI}:${port}/some/page?b=1&c=%C3%A9`)
		const withoutPort = await get(port, { host: VESELI_SECONDARY, path: '/?lng=en' })
		expect(withoutPort.headers.location).toBe(`http://${VESELI}/?lng=en`)
	})

	test('more towns than the tenant client cache holds: every town gets its own page, and evicted clients leave no listeners behind on the shared pool', async () => {
		const slugs = Array.from({ length: 12 }, (_, index) => `mesto-${index + 1}`)
		for (const slug of slugs) await createTown(slug)
		for (const round of [1, 2]) {
			for (const slug of slugs) {
				const response = await get(port, { host: `${slug}.test` })
				expect(response.status, `${slug}, round ${round}`).toBe(200)
				expect(response.body).toContain(`Obec ${slug}<`)
			}
			// Drop the profile caches, so that the second round builds tenant clients again.
			await sql(`SELECT pg_notify('portal_tenant_changed', '*')`)
			await new Promise((resolve) => setTimeout(resolve, 200))
		}
		expect(server.lines.filter((line) => line.includes('MaxListenersExceededWarning'))).toEqual([])
	})
})

describe('security headers, request ids and logs', () => {
	test('every response has its own CSP nonce, used by every <script> of the page; script-src allows no inline script', async () => {
		const [first, second] = [await get(port, { host: VESELI }), await get(port, { host: VESELI })]
		const nonces = [first, second].map((response) => {
			expect(response.status).toBe(200)
			const csp = String(response.headers['content-security-policy'])
			const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src '))
			expect(scriptSrc).toBeDefined()
			expect(scriptSrc).not.toContain("'unsafe-inline'")
			expect(csp).not.toContain("'unsafe-eval'")
			const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc ?? '')?.[1]
			expect(nonce).toBeDefined()
			const scripts = response.body.match(/<script\b[^>]*>/g) ?? []
			expect(scripts.length).toBeGreaterThan(0)
			for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
			return nonce
		})
		expect(nonces[0]).not.toBe(nonces[1])
	})

	test('x-request-id is echoed when well-formed and replaced when not', async () => {
		const echoed = await get(port, { host: VESELI, headers: { 'x-request-id': 'test-request-0001' } })
		expect(echoed.headers['x-request-id']).toBe('test-request-0001')
		for (const bad of ['has spaces <and> angles', 'short', 'x'.repeat(65)]) {
			const replaced = await get(port, { host: VESELI, headers: { 'x-request-id': bad } })
			expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
		}
		expect((await get(port, { host: 'nikde.localhost' })).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
	})

	test('logs are JSON lines; a request is logged with its request id and the town slug', async () => {
		const requestId = `log-test-${Date.now()}`
		expect((await get(port, { host: VESELI, headers: { 'x-request-id': requestId } })).status).toBe(200)
		const record = await waitFor(async () => server.logRecords().find((entry) => (entry.req as { id?: string } | undefined)?.id === requestId), {
			timeoutMs: 3_000,
			intervalMs: 50,
			what: 'the log line of the request',
		})
		expect(record).toMatchObject({ tenant: 'veseli-nad-moravou', req: { id: requestId, method: 'GET', url: '/', host: VESELI }, res: { statusCode: 200 } })
		expect(typeof record.time).toBe('number')
		const stdoutLines = server.lines.filter((line) => line.trim() !== '')
		for (const line of stdoutLines) expect(() => JSON.parse(line), line).not.toThrow()
	})
})

describe('the Origin check (cross-site request forgery)', () => {
	// A failed office sign-in is a POST that leaves a trace (a login attempt and an audit entry), so it
	// shows whether a request got past the check. Remix's own check would answer 500, not 403.
	const own = () => `${VESELI}:${port}`
	const FORBIDDEN = 'Požadavek z jiného webu byl odmítnut'
	const signInTraces = async (email: string) => ({
		attempts: (await sql(`SELECT id FROM tenant_veseli_nad_moravou.login_attempt WHERE identifier = $1`, [email])).length,
		audit: (await sql(`SELECT id FROM tenant_veseli_nad_moravou.audit_log WHERE details->>'email' = $1`, [email])).length,
	})
	const signIn = (email: string, origin: string) =>
		post(port, { host: own(), path: '/urad/prihlaseni', headers: { origin }, form: { email, password: 'nespravne-heslo-2026' } })
	const naTraces = async () => (await sql(`SELECT id FROM tenant_veseli_nad_moravou.audit_log WHERE action = 'auth.login_failed'`)).length

	test('a POST from another site (Origin: http://evil.localhost:PORT) is refused with 403 and changes nothing', async () => {
		const email = 'evil-origin@veseli.test'
		const answer = await signIn(email, `http://evil.localhost:${port}`)
		expect(answer.status).toBe(403)
		expect(answer.body).toContain(FORBIDDEN)
		expect(await signInTraces(email)).toEqual({ attempts: 0, audit: 0 })
		// Resource routes too, where Remix checks nothing itself: the citizen keep-alive.
		const keepAlive = await post(port, { host: own(), path: '/auth/session', headers: { origin: `http://evil.localhost:${port}` } })
		expect(keepAlive.status).toBe(403)
	})

	test("the same POST from the town's own origin passes the check (the sign-in refuses the password and records it)", async () => {
		const email = 'own-origin@veseli.test'
		const answer = await signIn(email, `http://${own()}`)
		expect(answer.status).not.toBe(403)
		expect(answer.status).toBe(400)
		expect(answer.body).toContain('Nesprávný e-mail nebo heslo')
		expect(await signInTraces(email)).toEqual({ attempts: 1, audit: 1 })
	})

	test('Origin: null (a sandboxed or privacy-redirected form) is refused with 403 and changes nothing', async () => {
		const email = 'null-origin@veseli.test'
		const answer = await signIn(email, 'null')
		expect(answer.status).toBe(403)
		expect(answer.body).toContain(FORBIDDEN)
		expect(await signInTraces(email)).toEqual({ attempts: 0, audit: 0 })
	})

	test("NIA's POST to /auth/nia/acs from another origin is not refused by the check: the ACS refuses the missing SAMLResponse itself", async () => {
		const before = await naTraces()
		const answer = await post(port, { host: own(), path: '/auth/nia/acs', headers: { origin: 'http://127.0.0.1:7001' }, form: { RelayState: 'x' } })
		expect(answer.status).toBe(303)
		expect(answer.headers.location).toMatch(/^\/auth\/nia\/chyba\?duvod=/)
		expect(answer.headers['set-cookie'] ?? []).toEqual([])
		expect(await naTraces()).toBe(before + 1)
		// And the logout return, NIA's other POST: on to the logged-out page.
		const logoutReturn = await post(port, {
			host: own(),
			path: '/auth/nia/logout-return',
			headers: { origin: 'http://127.0.0.1:7001' },
			form: { SAMLResponse: 'x' },
		})
		expect(logoutReturn).toMatchObject({ status: 303, headers: { location: '/auth/nia/odhlaseno' } })
	})
})

describe('refusing to start', () => {
	test.each([
		['PORT', 'abc'],
		['PLATFORM_HOST', 'Bad_Host'],
		['DATABASE_URL', 'mysql://root@127.0.0.1/portal'],
		['LOG_LEVEL', 'loud'],
	])('an invalid %s=%s stops the process with a message naming the variable', async (name, value) => {
		const starting = await startServer({ env: { [name]: value }, waitUntilListening: false })
		const exit = await Promise.race([starting.exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000))])
		if (exit === 'timeout') await starting.stop('SIGKILL')
		expect(exit).toEqual({ code: 78, signal: null })
		expect(starting.output()).toContain('Invalid configuration')
		expect(starting.output()).toContain(`${name}:`)
	})

	test('an applied migration edited afterwards makes the server exit non-zero, naming the migration, and changes nothing', async () => {
		// A scratch project root: links to the real build, public, themes and tenants, and a copy of prisma/ with one edit.
		const root = copyMigrationsRoot()
		for (const entry of ['build', 'public', 'themes', 'tenants']) symlinkSync(path.join(REPO_ROOT, entry), path.join(root, entry))
		const [tenantInit] = await readMigrations('tenant', REPO_ROOT)
		const file = path.join(migrationsDir('tenant', root), tenantInit.name, 'migration.sql')
		writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- tidied up after it was applied\n`)
		const ledgerBefore = await sql('SELECT * FROM platform.schema_migration ORDER BY schema_name, name')

		const refused = await startServer({ cwd: root, env: { DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: 'info' }, waitUntilListening: false })
		// About 4 s on a quiet machine; a loaded one has taken over 15 s to start, read and refuse.
		const exit = await Promise.race([refused.exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 40_000))])
		if (exit === 'timeout') await refused.stop('SIGKILL')
		expect(exit).toEqual({ code: 1, signal: null })
		const fatal = refused.logRecords().find((record) => record.level === 60)
		expect(fatal?.msg).toContain(`tenant/migrations/${tenantInit.name}/migration.sql`)
		expect(fatal?.msg).toMatch(/edited/)
		expect(await sql('SELECT * FROM platform.schema_migration ORDER BY schema_name, name')).toEqual(ledgerBefore)
		// The running server, reading the untouched migrations, is still ready.
		expect((await get(port, { path: '/readyz' })).status).toBe(200)
	})
})
