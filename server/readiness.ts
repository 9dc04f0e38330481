import type pg from 'pg'
import { findOutdatedSchemas } from '../app/modules/db/migrate.server'

export type Readiness = { ready: true } | { ready: false; reason: string }

/** Database reachable and every schema (platform and each town) at the latest migration. */
export async function checkReadiness(pool: pg.Pool): Promise<Readiness> {
	try {
		await pool.query('SELECT 1')
	} catch (error) {
		return { ready: false, reason: `database unreachable: ${(error as Error).message}` }
	}
	try {
		const outdated = await findOutdatedSchemas({ pool })
		if (outdated.length) {
			const shown = outdated.slice(0, 10).join(', ')
			return { ready: false, reason: `schemas not at the latest migration: ${shown}${outdated.length > 10 ? ` and ${outdated.length - 10} more` : ''}` }
		}
	} catch (error) {
		return { ready: false, reason: `migration state unknown: ${(error as Error).message}` }
	}
	return { ready: true }
}
