// The job worker: `npm run worker` (node build/server/worker.js, bundled by scripts/build-server.mjs).
// Works every job in app/jobs/handlers.server.ts (and runs the clock, app/jobs/schedule.server.ts) on the same Postgres as the web processes, which in
// production only enqueue (RUN_JOBS_IN_PROCESS=false). Run as many as needed: pg-boss hands each job
// to one worker (SELECT … FOR UPDATE SKIP LOCKED). SIGTERM lets the jobs under way finish.
import { pino } from 'pino'
import { closePool, initPool } from './app/modules/db/pool.server'
import { setTenantClientCacheSize } from './app/modules/db/tenant-db.server'
import { parseEnv, type Env } from './app/modules/env/env.server'
import { isAppError } from './app/modules/errors/app-error'
import { startJobs, stopJobs } from './app/modules/jobs/jobs.server'
import { startScheduler } from './app/modules/jobs/scheduler.server'
import { allJobHandlers } from './app/jobs/handlers.server'
import { schedule } from './app/jobs/schedule.server'
import { listenForTenantChanges, stopListeningForTenantChanges } from './app/modules/tenancy/tenant-events.server'
import { invalidateTownCaches } from './app/modules/tenancy/town-cache.server'
import { configureSecrets } from './app/modules/secrets/secrets.server'

let env: Env
try {
	env = parseEnv()
} catch (error) {
	console.error(isAppError(error) ? error.message : error)
	process.exit(78) // EX_CONFIG
}
// Jobs may need secrets at rest (connector tokens, gateway keys), as the web process does.
configureSecrets(env.SECRETS_KEYS, env.SECRETS_ACTIVE_KEY)
const logger = pino({ level: env.LOG_LEVEL, base: { service: 'portal-worker' } })
const databaseUrl = env.DATABASE_URL
if (!databaseUrl) {
	logger.fatal('DATABASE_URL is required: the worker takes its jobs from the portal database')
	process.exit(78)
}
if (!env.SMTP_URL) {
	if (env.NODE_ENV === 'production') {
		logger.fatal('SMTP_URL is required in production: the worker sends the e-mail')
		process.exit(78)
	}
	logger.warn('SMTP_URL is not set: e-mail jobs will fail and be retried until it is')
}

const pool = initPool(databaseUrl, { max: env.DB_POOL_MAX })
setTenantClientCacheSize(env.TENANT_CLIENT_CACHE_SIZE)
// Town profiles (name, theme, contacts for e-mail) are cached; changes reach this process at once.
listenForTenantChanges(
	databaseUrl,
	(slug) => invalidateTownCaches(slug),
	(message) => logger.warn(message),
)

let stopping = false
let stopScheduler: (() => void) | undefined

// If the database is down at start, keep trying with backoff rather than exit.
async function start(attempt = 1): Promise<void> {
	try {
		await startJobs({ pool, log: logger, work: true, jobs: allJobHandlers })
		stopScheduler ??= startScheduler({ rows: schedule, log: logger })
	} catch (error) {
		if (stopping) return
		const delay = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5))
		logger.error(`job queue not reachable (${(error as Error).message}); retrying in ${delay / 1000} s (attempt ${attempt})`)
		await new Promise((resolve) => setTimeout(resolve, delay))
		return start(attempt + 1)
	}
}

async function shutdown(signal: string) {
	if (stopping) return
	stopping = true
	logger.info(`${signal} received: finishing the jobs under way`)
	stopScheduler?.()
	await stopJobs({ timeoutMs: env.SHUTDOWN_TIMEOUT_MS })
	await stopListeningForTenantChanges()
	await closePool().catch(() => {})
	logger.info('stopped')
	process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

void start()
