// A town schema must be movable on its own: under Citus schema-based sharding each tenant_<slug>
// schema becomes a distributed schema living on one worker, and a foreign key from it to another
// schema (platform on the coordinator, or another town) cannot be kept
// (docs/decisions/021-past-one-database.md). This checks the schema the real migrations build, and
// that the check itself catches such a key.
import { beforeAll, describe, expect, test } from 'vitest'
import { copyMigrationsRoot, migrate, resetDatabase, sql, writeMigration } from '../../../tests/db'

/** Foreign keys whose table is in `schema` and whose referenced table is in another schema. */
async function foreignKeysLeaving(schema: string) {
	return sql<{ constraint_name: string; from_table: string; to_table: string }>(
		`SELECT c.conname AS constraint_name, c.conrelid::regclass::text AS from_table, c.confrelid::regclass::text AS to_table
		   FROM pg_constraint c
		   JOIN pg_class f ON f.oid = c.conrelid
		   JOIN pg_class t ON t.oid = c.confrelid
		  WHERE c.contype = 'f' AND f.relnamespace = $1::regnamespace AND t.relnamespace <> f.relnamespace
		  ORDER BY 1`,
		[schema],
	)
}

/** Foreign keys from another schema into `schema` (e.g. platform pointing at a town table). */
async function foreignKeysEntering(schema: string) {
	return sql<{ constraint_name: string }>(
		`SELECT c.conname AS constraint_name
		   FROM pg_constraint c
		   JOIN pg_class f ON f.oid = c.conrelid
		   JOIN pg_class t ON t.oid = c.confrelid
		  WHERE c.contype = 'f' AND t.relnamespace = $1::regnamespace AND f.relnamespace <> t.relnamespace`,
		[schema],
	)
}

describe('town schemas stand alone (Citus schema-based sharding)', () => {
	beforeAll(async () => {
		await resetDatabase()
		await migrate({ onlyTenants: [] })
		await sql(`INSERT INTO platform.tenant (slug, name) VALUES ('solo-town', 'Solo')`)
		await migrate()
	})

	test('no tenant migration adds a foreign key from a town schema to another schema, or into one', async () => {
		expect(await foreignKeysLeaving('tenant_solo_town')).toEqual([])
		expect(await foreignKeysEntering('tenant_solo_town')).toEqual([])
	})

	test('the check catches a migration that points a town table at the platform schema', async () => {
		const root = copyMigrationsRoot()
		writeMigration(
			root,
			'tenant',
			'20261205030000_cross_schema_key_for_the_test',
			`ALTER TABLE "person" ADD COLUMN "tenant_ref" UUID REFERENCES platform.tenant(id);`,
		)
		await migrate({ root })
		expect(await foreignKeysLeaving('tenant_solo_town')).toEqual([
			expect.objectContaining({ from_table: 'tenant_solo_town.person', to_table: 'platform.tenant' }),
		])
	})
})
