// Express entry: configuration, database (embedded for the demo), migrations, HTTP server, shutdown.
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { pino } from 'pino'
import { initPool, closePool } from './app/modules/db/pool.server'
import { migrateDatabase } from './app/modules/db/migrate.server'
import { parseEnv, type Env } from './app/modules/env/env.server'
import { isAppError } from './app/modules/errors/app-error'
import { invalidateTenantCache, setTenantCacheTtl } from './app/modules/tenancy/resolve-tenant.server'
import { invalidateTownCaches, setTownCacheTtl } from './app/modules/tenancy/town-cache.server'
import { invalidateNiaConfigs } from './app/modules/nia/get-nia-config.server'
import { listenForTenantChanges, stopListeningForTenantChanges } from './app/modules/tenancy/tenant-events.server'
import { setTenantClientCacheSize } from './app/modules/db/tenant-db.server'
import { configureSecrets } from './app/modules/secrets/secrets.server'
import { startJobs, stopJobs, shouldRunJobsInProcess } from './app/modules/jobs/jobs.server'
import { startScheduler } from './app/modules/jobs/scheduler.server'
import { allJobHandlers } from './app/jobs/handlers.server'
import { schedule } from './app/jobs/schedule.server'
import { setListeningPort, setPublicOrigin } from './app/modules/tenancy/town-origin.server'
import { allowGatewaySimulators } from './app/modules/payments/gateway-api-url.server'
import { useBoardTestClockFile } from './app/modules/board/board-clock.server'
import { createApp } from './server/create-app'
import { applyMissingDemoTowns } from './server/demo'
import { registerDemoTownsWithNia, registerTownWithNia, startDemoNiaSimulator } from './server/demo-nia'
import { registerDemoTownsWithRecords, startDemoRecordsSimulator } from './server/demo-records'
import { registerDemoTownsWithGoPay, startDemoGoPaySimulator } from './server/demo-gopay'
import { registerDemoTownsWithStripe, startDemoStripeSimulator } from './server/demo-stripe'
import { startDemoAresSimulator } from './server/demo-ares'
import { demoStaffBanner } from './server/demo-staff'
import { startDemoMail } from './server/demo-mail'
import { registerDemoTownsWithSms, startDemoSmsSimulator } from './server/demo-sms'
import { startEmbeddedDatabase, type EmbeddedDatabase } from './server/embedded-db'

const isDemo = process.argv.includes('--demo')

let env: Env
try {
	env = parseEnv()
} catch (error) {
	console.error(isAppError(error) ? error.message : error)
	process.exit(78) // EX_CONFIG
}
configureSecrets(env.SECRETS_KEYS, env.SECRETS_ACTIVE_KEY)
// e2e only: the official board's clock can be moved through a file (decision 015, e2e/test-clock.ts).
if (env.NODE_ENV === 'test' && process.env.PORTAL_TEST_CLOCK_FILE) useBoardTestClockFile(process.env.PORTAL_TEST_CLOCK_FILE)
const logger = pino({ level: env.LOG_LEVEL, base: { service: 'portal' } })

let embedded: EmbeddedDatabase | undefined
let databaseUrl = env.DATABASE_URL
if (!databaseUrl) {
	if (!isDemo && env.NODE_ENV === 'production') {
		logger.fatal('DATABASE_URL is required in production')
		process.exit(78)
	}
	embedded = await startEmbeddedDatabase(env.DATA_DIR, (message) => logger.warn(message))
	databaseUrl = embedded.url
	logger.info('embedded PostgreSQL started (data in %s)', path.resolve(env.DATA_DIR, 'pg'))
}
const pool = initPool(databaseUrl, { max: env.DB_POOL_MAX })
setTenantCacheTtl(env.TENANT_CACHE_TTL_MS)
setTownCacheTtl(env.TENANT_CACHE_TTL_MS)
setTenantClientCacheSize(env.TENANT_CLIENT_CACHE_SIZE)
// The demo captures its e-mail (simulators/smtp) and lists it at /platform/mail.
const demoMail = isDemo ? await startDemoMail(logger) : undefined
// The demo's NIA (simulators/nia): every demo town is registered with it once the database is ready.
const demoNia = isDemo ? await startDemoNiaSimulator(logger) : null
// The demo's records system (simulators/records): Veselí and Znojmo file their submissions into it.
const demoRecords = isDemo ? await startDemoRecordsSimulator(logger) : null
// The demo's card gateways (simulators/gopay, simulators/stripe): Veselí pays through GoPay, Znojmo through Stripe.
// Only in the demo may a town's gateway API URL name a simulator on this machine (docs/decisions/014).
if (isDemo) allowGatewaySimulators(true)
const demoGoPay = isDemo ? await startDemoGoPaySimulator(logger) : null
const demoStripe = isDemo ? await startDemoStripeSimulator(logger) : null
// The demo's ARES (simulators/ares): grant applicants' IČO lookups, with the demo's associations.
const demoAres = isDemo ? await startDemoAresSimulator(logger) : null
// The demo's SMS gateway (simulators/sms, SMSbrána's protocol): every demo town texts through it.
const demoSms = isDemo ? await startDemoSmsSimulator(logger) : null
let resolveListeningPort: (port: number) => void
let stopScheduler: (() => void) | undefined
const listeningPort = new Promise<number>((resolve) => (resolveListeningPort = resolve))

// Migrate before serving; if the database is down, keep serving (readyz says 503) and retry.
async function prepareDatabase(attempt = 1): Promise<void> {
	try {
		await migrateDatabase({
			pool,
			onProgress: (event) => {
				if (event.type === 'applied') logger.info({ schema: event.schema }, `applied migration ${event.migration}`)
			},
		})
		if (isDemo) await applyMissingDemoTowns(pool, logger)
		// The town links' origin (NIA's ACS among them) is set once the server listens.
		if (demoNia) await listeningPort.then(() => registerDemoTownsWithNia({ simulator: demoNia, pool, logger }))
		if (demoRecords) await registerDemoTownsWithRecords({ simulator: demoRecords, pool, port: await listeningPort, logger })
		if (demoGoPay) await registerDemoTownsWithGoPay({ simulator: demoGoPay, pool, logger })
		if (demoStripe) await registerDemoTownsWithStripe({ simulator: demoStripe, pool, port: await listeningPort, logger })
		if (demoSms) await registerDemoTownsWithSms({ simulator: demoSms, pool, logger })
		// pg-boss in schema pgboss; this process runs the job handlers too unless RUN_JOBS_IN_PROCESS=false (docs/decisions/004).
		await startJobs({ pool, log: logger, work: shouldRunJobsInProcess(env, isDemo), jobs: allJobHandlers })
		// The clock (outbox deliveries, reminders, mop-up, statistics ...); only where jobs are worked.
		if (shouldRunJobsInProcess(env, isDemo)) stopScheduler ??= startScheduler({ rows: schedule, log: logger, tickMs: isDemo ? 5_000 : 30_000 })
		if (lifecycle === 'starting') lifecycle = 'running'
	} catch (error) {
		if (isAppError(error)) {
			logger.fatal(error.message)
			process.exit(1)
		}
		const delay = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5))
		logger.error(`database not reachable (${(error as Error).message}); retrying in ${delay / 1000} s (attempt ${attempt})`)
		await new Promise((resolve) => setTimeout(resolve, delay))
		return prepareDatabase(attempt + 1)
	}
}

listenForTenantChanges(
	databaseUrl,
	(slug) => {
		invalidateTenantCache()
		invalidateTownCaches(slug)
		invalidateNiaConfigs(slug)
		// The demo registers a town onboarded while it runs with the NIA simulator at once (decision 016).
		if (demoNia && slug !== '*' && lifecycle === 'running') {
			void listeningPort
				.then(() => registerTownWithNia({ simulator: demoNia, pool, logger, slug }))
				.catch((error: Error) => logger.error({ tenant: slug }, `town ${slug} not registered with the NIA simulator: ${error.message}`))
		}
	},
	(message) => logger.warn(message),
)

const buildPath = path.resolve('build/index.js')
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild
let lifecycle: 'starting' | 'running' | 'stopping' = 'starting'
const app = createApp({ env, logger, pool, build, getLifecycle: () => lifecycle })
const server = http.createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000, headersTimeout: 10_000 }, app)

server.listen(env.PORT, env.HOST, () => {
	const { port } = server.address() as { port: number }
	// Absolute links to towns (e-mails, gateways, NIA) use the stored host with this scheme and port,
	// never the request's Host (docs/decisions/014). The demo: http on the port it actually got.
	setListeningPort(port)
	if (isDemo) setPublicOrigin({ scheme: env.PUBLIC_URL_SCHEME ?? 'http', port: env.PUBLIC_URL_PORT ?? port })
	resolveListeningPort(port)
	logger.info(`Portál občana listening on http://${env.HOST}:${port}`)
	if (isDemo) {
		console.log(
			[
				'',
				'  Portál občana demo is up:',
				`    Veselí nad Moravou  http://veseli.localhost:${port}/`,
				`    Znojmo              http://znojmo.localhost:${port}/`,
				`    Vendor console      http://${env.PLATFORM_HOST}:${port}/platform`,
				`    Demo mail catcher   http://${env.PLATFORM_HOST}:${port}/platform/mail  (e-mail the demo sent; vendor sign-in)`,
				`    Health              http://localhost:${port}/readyz`,
				...(demoNia ? [`    NIA simulator       ${demoNia.url}/  (log in as Jana Nováková, Josef Dvořák, …)`] : []),
				...(demoRecords ? [`    Records system      ${demoRecords.url}/  (received submissions; send status updates back)`] : []),
				...(demoGoPay ? [`    GoPay simulator     ${demoGoPay.url}/  (Veselí card payments)`] : []),
				...(demoStripe ? [`    Stripe simulator    ${demoStripe.url}/  (Znojmo card payments)`] : []),
				...(demoSms ? [`    SMS simulator       ${demoSms.url}/  (texts the demo sent: phone codes, announcements)`] : []),
				...(demoAres ? [`    ARES simulator      ${demoAres.apiUrl}/ekonomicke-subjekty/44936109  (IČO lookups)`] : []),
				...demoStaffBanner(port, env.PLATFORM_HOST),
				'  Ctrl-C stops everything.',
				'',
			].join('\n'),
		)
	}
})
void prepareDatabase()

async function shutdown(signal: string) {
	if (lifecycle === 'stopping') return
	lifecycle = 'stopping'
	logger.info(`${signal} received: finishing in-flight requests`)
	const force = setTimeout(() => {
		logger.warn('in-flight requests did not finish in time; closing connections')
		server.closeAllConnections()
	}, env.SHUTDOWN_TIMEOUT_MS)
	force.unref()
	await new Promise<void>((resolve) => {
		server.close(() => resolve())
		server.closeIdleConnections()
	})
	// Every request has finished: what follows (jobs under way, the pool) has its own time limits.
	clearTimeout(force)
	stopScheduler?.()
	await stopJobs({ timeoutMs: env.SHUTDOWN_TIMEOUT_MS })
	await demoMail?.close()
	await demoNia?.close().catch(() => {})
	await demoRecords?.stop().catch(() => {})
	await demoGoPay?.stop().catch(() => {})
	await demoStripe?.stop().catch(() => {})
	await demoAres?.stop().catch(() => {})
	await demoSms?.stop().catch(() => {})
	await stopListeningForTenantChanges()
	await closePool().catch(() => {})
	if (embedded) await embedded.stop().catch((error) => logger.warn(`embedded postgres stop: ${String(error)}`))
	logger.info('stopped')
	process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
