import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'
import type { Logger } from 'pino'
import { generateClaims } from '../app/modules/claims/generate-claims.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { seedDemoBoard } from './demo-board'
import { seedDemoGrants } from './demo-grants'
import { seedDemoStaff } from './demo-staff'

/**
 * The demo towns: every folder in tenants/ except the template. Each one not yet in the database is
 * applied, so a demo start interrupted half way (database gone) completes on the next attempt;
 * towns already there are left as they are.
 */
export async function applyMissingDemoTowns(pool: pg.Pool, logger: Logger) {
	const { rows } = await pool.query<{ slug: string }>('SELECT slug FROM platform.tenant')
	const present = new Set(rows.map((row) => row.slug))
	const dirs = (await readdir('tenants', { withFileTypes: true }))
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && !present.has(entry.name))
		.map((entry) => path.join('tenants', entry.name))
	for (const dir of dirs) {
		const result = await applyBlueprint({ pool, blueprint: await loadBlueprint(dir), actor: 'demo' })
		logger.info({ tenant: result.slug }, `demo town ${result.slug} created`)
	}
	await generateDemoClaims(pool, logger)
	// Known staff and vendor accounts for trying the office and the console (README, Demo accounts).
	await seedDemoStaff(pool, logger)
	// A few documents on each town's official board (decision 015).
	await seedDemoBoard(pool, logger)
	// Grant programmes with an open call (and in Veselí a closed one), issue 14.
	await seedDemoGrants(pool, logger)
}

/**
 * This year's and next year's claims of every demo town, so the demo has overdue claims and claims
 * whose due date (and e-payment discount) is still ahead. Generation is idempotent: a restart adds
 * only what is missing.
 */
export async function generateDemoClaims(pool: pg.Pool, logger: Logger, now = new Date()) {
	const dirs = new Set(
		(await readdir('tenants', { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith('_')).map((entry) => entry.name),
	)
	const { rows } = await pool.query<{ slug: string }>('SELECT slug FROM platform.tenant ORDER BY slug')
	for (const { slug } of rows.filter((row) => dirs.has(row.slug))) {
		for (const year of [now.getUTCFullYear(), now.getUTCFullYear() + 1]) {
			const result = await generateClaims({ pool, slug, year, asOf: now })
			if (result.created) logger.info({ tenant: slug, year, created: result.created }, 'demo claims issued')
		}
	}
}
