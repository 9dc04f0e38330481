// Issue 13, goal 4: the portal as several processes against one Postgres. Two built web processes
// (jobs not worked in process, as in production) and one job worker (`npm run worker`), behind a small
// round-robin proxy (scripts/round-robin-proxy.ts; it names the backend that answered in x-served-by).
// What one process learns must hold in the other: a session made on one works on the other; sign-in
// lockout and the per-IP limit count across both (they live in Postgres); a town's suspension and a
// profile change reach both at once (LISTEN/NOTIFY, the cache TTL is ten minutes here); every job runs
// once; a payment notification that reaches both processes at the same moment credits the claim once.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrate, REPO_ROOT, sql } from '../tests/db'
import { createStaffMember, TEST_PASSWORD } from '../tests/staff'
import { createSession } from '../app/modules/auth/session.server'
import { generateClaims } from '../app/modules/claims/generate-claims.server'
import { getPool, initPool } from '../app/modules/db/pool.server'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { startJobs, stopJobs } from '../app/modules/jobs/jobs.server'
import { enqueueEmail } from '../app/modules/mail/enqueue-email.server'
import { setGatewayCredential } from '../app/modules/payments/gateway-credentials.server'
import { MAX_ACCOUNT_FAILURES, MAX_IP_FAILURES } from '../app/modules/staff/login-limits'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { setTenantStatus } from '../app/modules/tenancy/set-tenant-status.server'
import {
	createScratchDatabase,
	ensureBuild,
	get,
	post,
	startServer,
	uniqueDatabaseName,
	waitFor,
	type HttpResult,
	type ServerProcess,
} from '../scripts/built-server'
import { startRoundRobinProxy, type RoundRobinProxy } from '../scripts/round-robin-proxy'
import { startGoPaySimulator, type GoPaySimulator } from '../simulators/gopay'
import { startMailCapture, type MailCapture } from '../simulators/smtp/mail-capture'

const SLUG = 'veseli-nad-moravou'
const S = 'tenant_veseli_nad_moravou'
const HOST = 'veseli.localhost'
const ACCOUNT = { goId: '8123456790', clientId: 'multi-client', clientSecret: 'multi-secret' }
const NEXT_YEAR = new Date().getUTCFullYear() + 1
// Slow machines: the first page of a cold process compiles its queries.
const T = { timeoutMs: 30_000 }

let database: Awaited<ReturnType<typeof createScratchDatabase>>
let webs: ServerProcess[] = []
let worker: ChildProcess | undefined
const workerOutput: string[] = []
let proxy: RoundRobinProxy
let gopay: GoPaySimulator
let capture: MailCapture
let tenantRef: { id: string; slug: string; name: string; status: 'active'; primaryHost: string }

const viaProxy = () => `${HOST}:${proxy.port}`
const servedBy = (response: HttpResult) => Number(response.headers['x-served-by'])
const cookieOf = (response: HttpResult) => {
	const line = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((value) => !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(value))
	if (!line) throw new Error(`no cookie set (status ${response.status})`)
	return line.split(';')[0]!
}
/** A form POST through the proxy with the town's Host and Origin, from the client address given. */
const postViaProxy = (pathName: string, form: Record<string, string>, { ip, cookie }: { ip: string; cookie?: string }) =>
	post(proxy.port, {
		...T,
		host: viaProxy(),
		path: pathName,
		form,
		headers: { origin: `http://${viaProxy()}`, 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) },
	})

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_processes'))
	process.env.DATABASE_URL = database.url
	initPool(database.url, { max: 4 })
	await migrate()
	const pool = getPool()
	await applyBlueprint({ pool, blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants', SLUG)), actor: 'test' })
	await generateClaims({ pool, slug: SLUG, year: NEXT_YEAR })
	const [tenant] = await sql<{ id: string }>(`SELECT id FROM platform.tenant WHERE slug = $1`, [SLUG])
	tenantRef = { id: tenant!.id, slug: SLUG, name: 'Veselí', status: 'active', primaryHost: HOST }
	gopay = await startGoPaySimulator({ accounts: [ACCOUNT], retryDelaysMs: [20], maxAttempts: 2 })
	await setGatewayCredential({ db: getTenantDb(tenantRef), provider: 'gopay', values: { ...ACCOUNT, apiUrl: gopay.apiUrl }, actor: 'test' })
	capture = await startMailCapture()
	// This process only enqueues, like a web process.
	await startJobs({ pool, log: pino({ level: 'silent' }), work: false })

	const env = {
		DATABASE_URL: database.url,
		LOG_LEVEL: 'warn',
		RUN_JOBS_IN_PROCESS: 'false',
		TENANT_CACHE_TTL_MS: '600000',
		TRUST_PROXY: 'true',
		SMTP_URL: capture.url,
	}
	// Our own wait for /healthz: two processes starting at once on a loaded machine may take over startServer's 20 s.
	webs = await Promise.all([startServer({ env, waitUntilListening: false }), startServer({ env, waitUntilListening: false })])
	worker = spawn(process.execPath, [path.join(REPO_ROOT, 'build/server/worker.js')], {
		cwd: REPO_ROOT,
		env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', DATABASE_URL: database.url, SMTP_URL: capture.url },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	worker.stdout?.on('data', (chunk: Buffer) => workerOutput.push(String(chunk)))
	worker.stderr?.on('data', (chunk: Buffer) => workerOutput.push(String(chunk)))
	proxy = await startRoundRobinProxy(webs.map((web) => ({ port: web.port })))
	for (const web of webs) {
		await waitFor(
			async () => {
				if (!web.isRunning()) throw new Error(`web process exited: ${web.output()}`)
				return (await get(web.port, { path: '/readyz' }).catch(() => undefined))?.status === 200 ? true : undefined
			},
			{ timeoutMs: 120_000, intervalMs: 250, what: 'readyz 200' },
		)
	}
	// Warm both processes (their first town page compiles the queries).
	for (const web of webs) expect((await get(web.port, { ...T, host: HOST })).status).toBe(200)
}, 240_000)

afterAll(async () => {
	await proxy?.close()
	if (worker && worker.exitCode === null) {
		const exited = new Promise((resolve) => worker!.once('exit', resolve))
		worker.kill('SIGTERM')
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))])
		if (worker.exitCode === null) worker.kill('SIGKILL')
	}
	await Promise.all(webs.map((web) => web.stop()))
	await stopJobs()
	await capture?.close()
	await gopay?.stop()
	await database?.drop()
}, 60_000)

describe('two web processes and a worker behind a round-robin proxy', () => {
	test('the proxy alternates: consecutive requests are answered by different processes', async () => {
		const answers = [await get(proxy.port, { ...T, host: viaProxy() }), await get(proxy.port, { ...T, host: viaProxy() })]
		expect(answers.map((answer) => answer.status)).toEqual([200, 200])
		expect(new Set(answers.map(servedBy))).toEqual(new Set([0, 1]))
	})

	test('an office sign-in made on one process is a session the other process accepts', async () => {
		await createStaffMember({ tenant: tenantRef }, { email: 'referent@veseli.test', name: 'Referentka Vícejádrová' })
		const signIn = await postViaProxy('/urad/prihlaseni', { email: 'referent@veseli.test', password: TEST_PASSWORD }, { ip: '198.51.100.10' })
		expect(signIn.status, signIn.body.slice(0, 500)).toBe(302)
		const cookie = cookieOf(signIn)
		const office = await get(proxy.port, { ...T, host: viaProxy(), path: '/urad', headers: { cookie, 'x-forwarded-for': '198.51.100.10' } })
		expect(servedBy(office)).not.toBe(servedBy(signIn))
		expect(office.status).toBe(200)
		expect(office.body).toContain('Referentka Vícejádrová')
		// And without the cookie the office sends to the sign-in: the session is what let us in.
		expect((await get(proxy.port, { ...T, host: viaProxy(), path: '/urad' })).status).toBe(302)
	})

	test(`sign-in lockout counts across processes: ${MAX_ACCOUNT_FAILURES} wrong passwords spread over both lock the account on both`, async () => {
		await createStaffMember({ tenant: tenantRef }, { email: 'zamek@veseli.test' })
		const served = new Set<number>()
		for (let attempt = 0; attempt < MAX_ACCOUNT_FAILURES; attempt++) {
			const answer = await postViaProxy(
				'/urad/prihlaseni',
				{ email: 'zamek@veseli.test', password: `spatne-heslo-${attempt}` },
				{ ip: `198.51.100.${20 + attempt}` },
			)
			expect(answer.status).toBe(400)
			served.add(servedBy(answer))
		}
		expect(served).toEqual(new Set([0, 1]))
		const [row] = await sql<{ failed_logins: number; locked: boolean }>(
			`SELECT failed_logins, locked_until > now() AS locked FROM ${S}.staff_user WHERE email = 'zamek@veseli.test'`,
		)
		expect(row).toEqual({ failed_logins: MAX_ACCOUNT_FAILURES, locked: true })
		// The right password is refused now, by either process.
		const refused = [
			await postViaProxy('/urad/prihlaseni', { email: 'zamek@veseli.test', password: TEST_PASSWORD }, { ip: '198.51.100.30' }),
			await postViaProxy('/urad/prihlaseni', { email: 'zamek@veseli.test', password: TEST_PASSWORD }, { ip: '198.51.100.31' }),
		]
		expect(new Set(refused.map(servedBy))).toEqual(new Set([0, 1]))
		for (const answer of refused) {
			expect(answer.status).toBe(400)
			expect(answer.body).toContain('Účet je na 15 minut zablokován')
		}
	})

	test(`the per-address limit counts across processes: after ${MAX_IP_FAILURES} failures from one address, either process refuses it`, async () => {
		const ip = '198.51.100.77'
		for (let attempt = 0; attempt < MAX_IP_FAILURES; attempt++) {
			const answer = await postViaProxy('/urad/prihlaseni', { email: `nikdo-${attempt}@veseli.test`, password: 'spatne-heslo-2026' }, { ip })
			expect(answer.body).not.toContain('Z vaší sítě přišlo příliš mnoho')
		}
		const refused = [
			await postViaProxy('/urad/prihlaseni', { email: 'nikdo@veseli.test', password: 'spatne-heslo-2026' }, { ip }),
			await postViaProxy('/urad/prihlaseni', { email: 'nikdo@veseli.test', password: 'spatne-heslo-2026' }, { ip }),
		]
		expect(new Set(refused.map(servedBy))).toEqual(new Set([0, 1]))
		for (const answer of refused) expect(answer.body).toContain('Z vaší sítě přišlo příliš mnoho neúspěšných pokusů')
		// Another address is not affected.
		const other = await postViaProxy('/urad/prihlaseni', { email: 'nikdo@veseli.test', password: 'spatne-heslo-2026' }, { ip: '198.51.100.78' })
		expect(other.body).not.toContain('Z vaší sítě přišlo příliš mnoho')
	})

	test('a suspension and a profile change reach both processes at once (LISTEN/NOTIFY; the cache TTL is ten minutes)', async () => {
		for (const web of webs) expect((await get(web.port, { ...T, host: HOST })).status).toBe(200) // cached in both
		expect(await setTenantStatus({ pool: getPool(), slug: SLUG, status: 'suspended', actor: 'test' })).toBe(true)
		for (const web of webs) {
			await waitFor(async () => ((await get(web.port, { ...T, host: HOST })).status === 503 ? true : undefined), {
				timeoutMs: 5_000,
				intervalMs: 50,
				what: `web on ${web.port} suspended`,
			})
		}
		expect(await setTenantStatus({ pool: getPool(), slug: SLUG, status: 'active', actor: 'test' })).toBe(true)
		for (const web of webs) {
			await waitFor(async () => ((await get(web.port, { ...T, host: HOST })).status === 200 ? true : undefined), {
				timeoutMs: 5_000,
				intervalMs: 50,
				what: `web on ${web.port} active`,
			})
		}
		// A town's profile (its name) changed by another process: one NOTIFY drops it in both.
		await sql(`UPDATE ${S}.town_settings SET name = jsonb_set(name, '{cs}', '"Veselí Dvouprocesové"')`)
		await sql(`SELECT pg_notify('portal_tenant_changed', $1)`, [SLUG])
		for (const web of webs) {
			await waitFor(async () => ((await get(web.port, { ...T, host: HOST })).body.includes('Veselí Dvouprocesové') ? true : undefined), {
				timeoutMs: 5_000,
				intervalMs: 50,
				what: `web on ${web.port} shows the new name`,
			})
		}
	})

	test('every job runs once: 12 e-mails enqueued are each delivered exactly once by the worker', async () => {
		const subjects = Array.from({ length: 12 }, (_, index) => `Zpráva ${index + 1} z více procesů`)
		for (const subject of subjects)
			await enqueueEmail({ tenantSlug: SLUG, to: 'obcan@example.test', locale: 'cs', template: 'notification', data: { subject, paragraphs: ['Jednou.'] } })
		await waitFor(async () => (subjects.every((subject) => capture.messages().some((message) => message.subject === subject)) ? true : undefined), {
			timeoutMs: 60_000,
			what: 'all e-mails',
		})
		// Give a duplicate the time to show up, then count.
		await new Promise((resolve) => setTimeout(resolve, 1_500))
		for (const subject of subjects)
			expect(
				capture.messages().filter((message) => message.subject === subject),
				subject,
			).toHaveLength(1)
	}, 90_000)

	test('a payment notification reaching both processes at the same moment credits the claim once', async () => {
		const [jana] = await sql<{ id: string }>(`SELECT id FROM ${S}.person WHERE person_identifier = 'CZ/CZ/52698f22-74c6-49e1-8067-72d38c475662'`)
		await sql(`UPDATE ${S}.resident SET person_id = $1 WHERE external_id = 'vnm-r-jana-novakova'`, [jana!.id])
		const [claim] = await sql<{ id: string }>(
			`SELECT c.id FROM ${S}.claim c JOIN ${S}.resident r ON r.id = c.resident_id WHERE r.external_id = 'vnm-r-jana-novakova' AND c.fee_type = 'waste' AND c.year = $1`,
			[NEXT_YEAR],
		)
		const cookie = (
			await createSession({ db: getTenantDb(tenantRef), tenant: tenantRef, secure: false }, new Request(`http://${HOST}/`), {
				kind: 'citizen',
				personId: jana!.id,
			})
		).split(';')[0]!
		gopay.controls.holdNotifications = true
		const started = await postViaProxy('/platby/kartou', { claim: claim!.id, provider: 'gopay' }, { ip: '198.51.100.90', cookie })
		expect(started.status).toBe(200)
		const [payment] = await sql<{ id: string; provider_payment_id: string }>(`SELECT id, provider_payment_id FROM ${S}.payment WHERE method = 'gopay'`)
		gopay.setState(Number(payment!.provider_payment_id), 'PAID')

		// GoPay's GET notification, three times at each process, all at once.
		const notify = (port: number) => get(port, { ...T, host: HOST, path: `/api/payments/gopay/notify?id=${payment!.provider_payment_id}` })
		const answers = await Promise.all(webs.flatMap((web) => [notify(web.port), notify(web.port), notify(web.port)]))
		for (const answer of answers) expect(answer.status, answer.body).toBe(200)

		const [state] = await sql<{ state: string }>(`SELECT state FROM ${S}.payment WHERE id = $1`, [payment!.id])
		expect(state!.state).toBe('paid')
		const transitions = await sql<{ to_state: string }>(`SELECT to_state FROM ${S}.payment_transition WHERE payment_id = $1`, [payment!.id])
		expect(transitions.filter((transition) => transition.to_state === 'paid')).toHaveLength(1)
		expect(await sql(`SELECT 1 FROM ${S}.claim_event WHERE claim_id = $1 AND kind = 'payment'`, [claim!.id])).toHaveLength(1)
		const [credited] = await sql<{ status: string }>(`SELECT status FROM ${S}.claim WHERE id = $1`, [claim!.id])
		expect(credited!.status).toBe('paid')
	}, 60_000)
})
