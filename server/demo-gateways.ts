// Shared by the demo's GoPay and Stripe simulators: which demo towns use which gateway (blueprint
// `gateways:`), demo values for the credential variables the environment does not set, and storing
// the credential (encrypted) when the town has none or it changed (the simulator's port may differ).
import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { loadGatewayConfig, setGatewayCredential } from '../app/modules/payments/gateway-credentials.server'
import type { CardProvider } from '../app/modules/payments/providers/payment-provider'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'

export type DemoGatewayTown = { slug: string; host: string; db: ReturnType<typeof getTenantDb>; fields: Record<string, string> }

/** Demo towns whose blueprint names this gateway, with each field's value (from the environment, or a demo value set there). */
export async function demoGatewayTowns(pool: pg.Pool, provider: CardProvider, demoValue: (slug: string, field: string) => string): Promise<DemoGatewayTown[]> {
	const dirs = (await readdir('tenants', { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
	const towns: DemoGatewayTown[] = []
	for (const dir of dirs) {
		const blueprint = await loadBlueprint(path.join('tenants', dir.name))
		const refs = blueprint.gateways[provider]
		const { rows } = await pool.query<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', [blueprint.slug])
		if (!refs || !rows[0]) continue
		const fields = Object.fromEntries(Object.entries(refs).map(([field, ref]) => [field, (process.env[ref.env] ||= demoValue(blueprint.slug, field))]))
		towns.push({ slug: blueprint.slug, host: blueprint.hosts[0]!, db: getTenantDb({ id: rows[0].id, slug: blueprint.slug }), fields })
	}
	return towns
}

export const randomDemoSuffix = () => randomBytes(6).toString('hex')

/** Stores the credential unless the active one is already exactly this. */
export async function ensureDemoCredential(town: DemoGatewayTown, provider: CardProvider, values: Record<string, string>) {
	const current = await loadGatewayConfig(town.db, provider)
	if (current && JSON.stringify(Object.entries(current).sort()) === JSON.stringify(Object.entries(values).sort())) return false
	await setGatewayCredential({ db: town.db, provider, values, actor: 'demo' })
	return true
}
