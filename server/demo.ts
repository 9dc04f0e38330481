import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'
import type { Logger } from 'pino'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'

/** The demo towns: every folder in tenants/ except the template. Applied only to an empty database. */
export async function applyDemoTownsIfEmpty(pool: pg.Pool, logger: Logger) {
	const { rows } = await pool.query<{ count: string }>('SELECT count(*) FROM platform.tenant')
	if (Number(rows[0]?.count) > 0) return
	const dirs = (await readdir('tenants', { withFileTypes: true }))
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
		.map((entry) => path.join('tenants', entry.name))
	for (const dir of dirs) {
		const result = await applyBlueprint({ pool, blueprint: await loadBlueprint(dir), actor: 'demo' })
		logger.info({ tenant: result.slug }, `demo town ${result.slug} created`)
	}
}
