// The data behind `npm run bench:platby` (scripts/bench-my-payments.ts): Veselí with its demo residents,
// 20,000 other residents with claims, and Jana with 50 claims and a citizen session.
import path from 'node:path'
import { createSession } from '../app/modules/auth/session.server'
import { generateClaims } from '../app/modules/claims/generate-claims.server'
import { migrateDatabase } from '../app/modules/db/migrate.server'
import { getPool } from '../app/modules/db/pool.server'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { REPO_ROOT } from './built-server'

const S = 'tenant_veseli_nad_moravou'
export const HOST = 'veseli.localhost'

export async function seed() {
	const pool = getPool()
	await migrateDatabase({ pool })
	await applyBlueprint({ pool, blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants/veseli-nad-moravou')), actor: 'bench' })
	await pool.query(
		`INSERT INTO ${S}.resident (given_name, family_name, date_of_birth, external_id) SELECT 'Občan', 'Zkušební ' || g, DATE '1970-01-01' + g % 15000, 'bench-' || g FROM generate_series(1, 20000) g`,
	)
	await pool.query(
		`INSERT INTO ${S}.obligation (resident_id, fee_type, valid_from, source) SELECT id, 'waste', DATE '2020-01-01', 'import' FROM ${S}.resident WHERE external_id LIKE 'bench-%'`,
	)
	for (const year of [2026, 2027]) await generateClaims({ pool, slug: 'veseli-nad-moravou', year, asOf: new Date('2026-01-15T00:00:00Z') })
	// Jana as NIA would log her in, linked to her resident; 8 generated claims (hers, the child's and the
	// grandmother's, two years), and 42 older ones to reach 50.
	const [jana] = (await pool.query<{ id: string }>(`SELECT id FROM ${S}.person WHERE person_identifier = 'CZ/CZ/52698f22-74c6-49e1-8067-72d38c475662'`)).rows
	await pool.query(`UPDATE ${S}.resident SET person_id = $1 WHERE external_id = 'vnm-r-jana-novakova'`, [jana!.id])
	await pool.query(
		`INSERT INTO ${S}.claim (resident_id, fee_type, year, label, base_amount, amount, due_date, variable_symbol, generation_key, status, paid_amount)
		 SELECT r.id, 'dog', 1983 + g, '{"cs":"Poplatek ze psů"}', 60000, 60000, make_date(1983 + g, 3, 31), '19' || lpad(g::text, 8, '0'), 'bench-old:' || g, 'paid', 60000
		   FROM ${S}.resident r, generate_series(1, 42) g WHERE r.external_id = 'vnm-r-jana-novakova'`,
	)
	const [tenant] = (await pool.query<{ id: string }>(`SELECT id FROM platform.tenant WHERE slug = 'veseli-nad-moravou'`)).rows
	const tenantRef = { id: tenant!.id, slug: 'veseli-nad-moravou', name: 'Veselí', status: 'active' as const, primaryHost: HOST }
	const setCookie = await createSession({ db: getTenantDb(tenantRef), tenant: tenantRef, secure: true }, new Request(`http://${HOST}/`), {
		kind: 'citizen',
		personId: jana!.id,
	})
	const visible = (
		await pool.query<{ n: number }>(
			`SELECT count(*)::int AS n FROM ${S}.claim c JOIN ${S}.resident r ON r.id = c.resident_id WHERE r.external_id LIKE 'vnm-r-%nov%' AND r.external_id <> 'vnm-r-martin-novak'`,
		)
	).rows[0]!.n
	return { cookie: setCookie.split(';')[0]!, visible, personId: jana!.id, tenant: tenantRef }
}
