// Issue 5: the app killed between the gateway's redirect and its notification. The built server starts
// a GoPay payment for a Veselí citizen over real HTTP, is killed with SIGKILL, the citizen pays on the
// GoPay simulator (whose notifications now reach nobody), and after a restart the server's own sweeper
// runs the mop-up job, which asks GoPay and credits the claim exactly once, with its e-payment discount.
import path from 'node:path'
import http from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { migrate, REPO_ROOT, sql } from '../tests/db'
import { createSession } from '../app/modules/auth/session.server'
import { generateClaims } from '../app/modules/claims/generate-claims.server'
import { getPool, initPool } from '../app/modules/db/pool.server'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { setGatewayCredential } from '../app/modules/payments/gateway-credentials.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { createScratchDatabase, ensureBuild, findFreePort, get, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from '../scripts/built-server'
import { startGoPaySimulator, type GoPaySimulator } from '../simulators/gopay'

const S = 'tenant_veseli_nad_moravou'
const HOST = 'veseli.localhost'
const ACCOUNT = { goId: '8123456789', clientId: 'crash-client', clientSecret: 'crash-secret' }
const NEXT_YEAR = new Date().getUTCFullYear() + 1

let database: Awaited<ReturnType<typeof createScratchDatabase>>
let server: ServerProcess | undefined
let gopay: GoPaySimulator
let port: number
let cookie: string
let claimId: string

/** A form POST over real HTTP with the town's Host and Origin, as the browser sends it. */
function postForm(pathName: string, form: Record<string, string>) {
	const body = new URLSearchParams(form).toString()
	return new Promise<{ status: number; body: string }>((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port,
				path: pathName,
				method: 'POST',
				headers: {
					host: `${HOST}:${port}`,
					origin: `http://${HOST}:${port}`,
					cookie,
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body),
				},
			},
			(response) => {
				let text = ''
				response.setEncoding('utf8')
				response.on('data', (chunk: string) => (text += chunk))
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
			},
		)
		request.on('error', reject)
		request.end(body)
	})
}

const start = () => startServer({ port, env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn' } })

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_crash'))
	initPool(database.url, { max: 4 })
	await migrate()
	const pool = getPool()
	await applyBlueprint({ pool, blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants/veseli-nad-moravou')), actor: 'test' })
	await generateClaims({ pool, slug: 'veseli-nad-moravou', year: NEXT_YEAR })
	const [tenant] = await sql<{ id: string }>(`SELECT id FROM platform.tenant WHERE slug = 'veseli-nad-moravou'`)
	const tenantRef = { id: tenant!.id, slug: 'veseli-nad-moravou', name: 'Veselí', status: 'active' as const, primaryHost: HOST }
	const db = getTenantDb(tenantRef)
	// Jana as her NIA login would leave her: her account linked to her resident record.
	const [jana] = await sql<{ id: string }>(`SELECT id FROM ${S}.person WHERE person_identifier = 'CZ/CZ/52698f22-74c6-49e1-8067-72d38c475662'`)
	await sql(`UPDATE ${S}.resident SET person_id = $1 WHERE external_id = 'vnm-r-jana-novakova'`, [jana!.id])
	const [claim] = await sql<{ id: string }>(
		`SELECT c.id FROM ${S}.claim c JOIN ${S}.resident r ON r.id = c.resident_id WHERE r.external_id = 'vnm-r-jana-novakova' AND c.fee_type = 'waste' AND c.year = $1`,
		[NEXT_YEAR],
	)
	claimId = claim!.id
	gopay = await startGoPaySimulator({ accounts: [ACCOUNT], retryDelaysMs: [20, 20, 20], maxAttempts: 4 })
	await setGatewayCredential({ db, provider: 'gopay', values: { ...ACCOUNT, apiUrl: gopay.apiUrl }, actor: 'test' })
	cookie = (await createSession({ db, tenant: tenantRef, secure: false }, new Request(`http://${HOST}/`), { kind: 'citizen', personId: jana!.id })).split(
		';',
	)[0]!
	port = await findFreePort()
	server = await start()
}, 120_000)

afterAll(async () => {
	await server?.stop()
	await gopay?.stop()
	await database?.drop()
})

test('killed after the redirect to GoPay, the restarted app settles the payment through the mop-up, once, with the discount', async () => {
	const started = await postForm('/platby/kartou', { claim: claimId, provider: 'gopay' })
	expect(started.status).toBe(200)
	// The page that sends the browser on to the gateway (a refresh and a link, for browsers without JavaScript).
	const gatewayUrl = /data-testid="gateway-link"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*data-testid="gateway-link"/.exec(started.body)?.slice(1).find(Boolean)
	expect(gatewayUrl).toMatch(/\/gw\/\d+$/)
	const [payment] = await sql<{ id: string; state: string; amount: number }>(`SELECT id, state, amount FROM ${S}.payment WHERE method = 'gopay'`)
	expect(payment).toMatchObject({ state: 'pending', amount: 57_600 })

	// The process dies at once (no graceful shutdown); the citizen pays on the gateway meanwhile.
	const exit = await server!.stop('SIGKILL')
	expect(exit.signal).toBe('SIGKILL')
	const paid = await fetch(gatewayUrl!, { method: 'POST', body: new URLSearchParams({ outcome: 'paid' }), redirect: 'manual' })
	expect(paid.status).toBeLessThan(400)
	await gopay.settled()
	expect((await sql<{ state: string }>(`SELECT state FROM ${S}.payment WHERE id = $1`, [payment!.id]))[0]!.state).toBe('pending')

	// Half an hour later (the mop-up waits 30 minutes before asking the gateway), the app comes back.
	await sql(`UPDATE ${S}.payment SET created_at = now() - interval '31 minutes' WHERE id = $1`, [payment!.id])
	server = await start()
	await waitFor(async () => ((await get(port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 20_000, what: 'readyz 200' })
	const settled = await waitFor(
		async () => {
			const [row] = await sql<{ state: string }>(`SELECT state FROM ${S}.payment WHERE id = $1`, [payment!.id])
			return row?.state === 'paid' ? row : undefined
		},
		{ timeoutMs: 30_000, what: 'the payment paid by the mop-up' },
	)
	expect(settled.state).toBe('paid')
	const [claim] = await sql<{ status: string; paid_amount: number; discount_granted: number }>(
		`SELECT status, paid_amount, discount_granted FROM ${S}.claim WHERE id = $1`,
		[claimId],
	)
	expect(claim).toEqual({ status: 'paid', paid_amount: 57_600, discount_granted: 14_400 })
	const transitions = await sql<{ to_state: string; source: string }>(
		`SELECT to_state, source FROM ${S}.payment_transition WHERE payment_id = $1 ORDER BY at`,
		[payment!.id],
	)
	expect(transitions.at(-1)).toEqual({ to_state: 'paid', source: 'mop_up' })
	expect(transitions.filter((t) => t.to_state === 'paid')).toHaveLength(1)
	expect(await sql(`SELECT 1 FROM ${S}.claim_event WHERE claim_id = $1 AND kind = 'payment'`, [claimId])).toHaveLength(1)
}, 90_000)
