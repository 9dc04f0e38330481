// The demo's records system (simulators/records on 127.0.0.1:7004, or a free port): every demo town
// whose blueprint files by webhook is registered with it, and its stored webhook URL is pointed at
// the simulator's actual port. The secrets are demo values set here when the environment has none.
import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import type pg from 'pg'
import type { Logger } from 'pino'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { startRecordsSimulator, type RecordsSimulator } from '../simulators/records'

const PREFERRED_PORT = 7004

function isPortFree(port: number) {
	return new Promise<boolean>((resolve) => {
		const probe = net.createServer()
		probe.once('error', () => resolve(false))
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
	})
}

/** Starts the simulator; null if it cannot start. Only the demo starts it,
 * also in production mode (docs/decisions/013). */
export async function startDemoRecordsSimulator(logger: Logger): Promise<RecordsSimulator | null> {
	// DEMO_RECORDS_PORT: a fixed port for tests that drive the simulator's pages (e2e, parallel runs).
	const preferred = Number(process.env.DEMO_RECORDS_PORT) || PREFERRED_PORT
	try {
		return await startRecordsSimulator({ port: (await isPortFree(preferred)) ? preferred : 0, towns: [], force: true })
	} catch (error) {
		logger.error(`records simulator not started, submissions stay in the outbox: ${(error as Error).message}`)
		return null
	}
}

/** A demo value for a secret variable the environment does not set (per process; the simulator is in memory too). */
function demoSecret(name: string) {
	process.env[name] ||= `demo-${randomBytes(18).toString('base64url')}`
	return process.env[name]!
}

export async function registerDemoTownsWithRecords({
	simulator,
	pool,
	port,
	logger,
}: {
	simulator: RecordsSimulator
	pool: pg.Pool
	port: number
	logger: Logger
}) {
	const dirs = (await readdir('tenants', { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
	for (const dir of dirs) {
		const blueprint = await loadBlueprint(path.join('tenants', dir.name))
		const { rows } = await pool.query<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', [blueprint.slug])
		if (blueprint.records?.kind !== 'webhook' || !rows[0]) continue
		const records = { ...blueprint.records, url: simulator.webhookUrl(blueprint.slug) }
		await getTenantDb({ id: rows[0].id, slug: blueprint.slug }).townSettings.update({ where: { id: 1 }, data: { recordsConnector: records } })
		simulator.addTown({
			slug: blueprint.slug,
			name: blueprint.name.cs,
			webhookSecret: demoSecret(records.secret.env),
			callbackSecret: demoSecret(records.callbackSecret.env),
			// *.localhost does not resolve in Node: call the portal on 127.0.0.1 with the town's Host.
			callbackUrl: `http://127.0.0.1:${port}/api/records/status`,
			callbackHost: `${blueprint.hosts[0]}:${port}`,
		})
		logger.info({ tenant: blueprint.slug }, `demo town ${blueprint.slug} files submissions into the records simulator`)
	}
}
