import type pg from 'pg'
import { AppError } from '../errors/app-error'
import { readMigrations, type MigrationFile, type MigrationKind } from './migrations.server'
import { PLATFORM_SCHEMA, quoteIdent, tenantSchemaName } from './schema-name'

// Any constant works; it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK_KEY = 7_301_984_225

export type MigrationProgress =
	{ type: 'schema'; schema: string; pending: number; index: number; total: number } | { type: 'applied'; schema: string; migration: string; ms: number }

export type MigrateResult = { schemas: number; applied: number }

type Options = {
	pool: pg.Pool
	/** Only these town slugs (default: every town in platform.tenant). */
	onlyTenants?: string[]
	onProgress?: (event: MigrationProgress) => void
	root?: string
}

const BOOTSTRAP_SQL = `
CREATE SCHEMA IF NOT EXISTS ${PLATFORM_SCHEMA};
CREATE TABLE IF NOT EXISTS ${PLATFORM_SCHEMA}.schema_migration (
  "schema_name" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "checksum" TEXT NOT NULL,
  "applied_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "schema_migration_pkey" PRIMARY KEY ("schema_name", "name")
);`

/**
 * Applies the platform migrations, then the tenant migrations to every town's schema, under one
 * session advisory lock (a second runner waits). Each migration runs in its own transaction together
 * with its ledger row, so a failure leaves that schema at the previous migration. A migration that
 * was applied and later edited is refused: its checksum no longer matches the ledger.
 */
export async function migrateDatabase({ pool, onlyTenants, onProgress, root }: Options): Promise<MigrateResult> {
	const [platformMigrations, tenantMigrations] = await Promise.all([readMigrations('platform', root), readMigrations('tenant', root)])
	const client = await pool.connect()
	try {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
		try {
			await client.query(BOOTSTRAP_SQL)
			await refuseEditedMigrations(client, platformMigrations, tenantMigrations)
			let applied = await migrateSchema(client, PLATFORM_SCHEMA, 'platform', platformMigrations, onProgress, 0, 0)
			const slugs = onlyTenants ?? (await listTenantSlugs(client))
			for (const [index, slug] of slugs.entries()) {
				const schema = tenantSchemaName(slug)
				applied += await migrateSchema(client, schema, 'tenant', tenantMigrations, onProgress, index + 1, slugs.length)
			}
			return { schemas: slugs.length + 1, applied }
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
		}
	} finally {
		client.release()
	}
}

// Checked for every schema before anything is applied, so an edit anywhere changes nothing anywhere.
async function refuseEditedMigrations(client: pg.PoolClient, platform: MigrationFile[], tenant: MigrationFile[]) {
	const files = { platform: new Map(platform.map((m) => [m.name, m.checksum])), tenant: new Map(tenant.map((m) => [m.name, m.checksum])) }
	const { rows } = await client.query<{ schema_name: string; name: string; checksum: string }>(
		`SELECT schema_name, name, checksum FROM ${PLATFORM_SCHEMA}.schema_migration`,
	)
	const edited = new Set<string>()
	const schemas = new Set<string>()
	for (const row of rows) {
		const kind: MigrationKind = row.schema_name === PLATFORM_SCHEMA ? 'platform' : 'tenant'
		const checksum = files[kind].get(row.name)
		if (checksum && checksum !== row.checksum) {
			edited.add(`${kind}/migrations/${row.name}/migration.sql`)
			schemas.add(row.schema_name)
		}
	}
	if (edited.size) {
		throw new AppError(
			'migration_checksum_mismatch',
			`Already applied migrations were edited afterwards (applied in ${[...schemas].slice(0, 5).join(', ')}${schemas.size > 5 ? ', …' : ''}); nothing was applied. Add a new migration instead of changing an applied one.`,
			[...edited],
		)
	}
}

async function listTenantSlugs(client: pg.PoolClient) {
	const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM ${PLATFORM_SCHEMA}.tenant ORDER BY slug`)
	return rows.map((row) => row.slug)
}

async function migrateSchema(
	client: pg.PoolClient,
	schema: string,
	kind: MigrationKind,
	migrations: MigrationFile[],
	onProgress: Options['onProgress'],
	index: number,
	total: number,
) {
	const { rows } = await client.query<{ name: string; checksum: string }>(
		`SELECT name, checksum FROM ${PLATFORM_SCHEMA}.schema_migration WHERE schema_name = $1`,
		[schema],
	)
	const done = new Map(rows.map((row) => [row.name, row.checksum]))
	const edited = migrations.filter((m) => done.has(m.name) && done.get(m.name) !== m.checksum)
	if (edited.length) {
		throw new AppError(
			'migration_checksum_mismatch',
			`Schema ${schema}: already applied migrations were edited afterwards. Add a new migration instead of changing an applied one.`,
			edited.map((m) => `${kind}/migrations/${m.name}/migration.sql`),
		)
	}
	const pending = migrations.filter((m) => !done.has(m.name))
	onProgress?.({ type: 'schema', schema, pending: pending.length, index, total })
	// A schema with no migration yet (a new town) gets all of them in one transaction: one commit
	// instead of one per migration, and a failure leaves no half-built schema behind.
	const batches = done.size === 0 && pending.length > 1 ? [pending] : pending.map((m) => [m])
	for (const batch of batches) {
		const started = Date.now()
		try {
			await client.query('BEGIN')
			await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`)
			// SET LOCAL: the search path lives only inside this transaction, never on the pooled connection.
			await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`)
			for (const migration of batch) {
				await client.query(migration.sql).catch((error: unknown) => {
					throw Object.assign(new Error(error instanceof Error ? error.message : String(error)), { migration: migration.name })
				})
			}
			await client.query(`INSERT INTO ${PLATFORM_SCHEMA}.schema_migration (schema_name, name, checksum) SELECT $1, * FROM unnest($2::text[], $3::text[])`, [
				schema,
				batch.map((m) => m.name),
				batch.map((m) => m.checksum),
			])
			await client.query('COMMIT')
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {})
			const failed = (error as { migration?: string }).migration ?? batch[0].name
			throw new AppError('migration_failed', `Schema ${schema}: migration ${failed} failed and was rolled back.`, [
				error instanceof Error ? error.message : String(error),
			])
		}
		const ms = Date.now() - started
		for (const migration of batch) onProgress?.({ type: 'applied', schema, migration: migration.name, ms: Math.round(ms / batch.length) })
	}
	return pending.length
}

/** For readiness: schemas whose ledger lacks a migration present on disk (one query for all towns). */
export async function findOutdatedSchemas({ pool, root }: { pool: pg.Pool; root?: string }) {
	const [platformMigrations, tenantMigrations] = await Promise.all([readMigrations('platform', root), readMigrations('tenant', root)])
	const { rows } = await pool.query<{ slug: string | null; schema_name: string; names: string[] | null }>(
		`SELECT t.slug, s.schema_name, array_remove(array_agg(m.name), NULL) AS names
		   FROM (SELECT NULL::text AS slug UNION ALL SELECT slug FROM ${PLATFORM_SCHEMA}.tenant) t
		   CROSS JOIN LATERAL (SELECT CASE WHEN t.slug IS NULL THEN $1 ELSE 'tenant_' || replace(t.slug, '-', '_') END AS schema_name) s
		   LEFT JOIN ${PLATFORM_SCHEMA}.schema_migration m ON m.schema_name = s.schema_name
		  GROUP BY t.slug, s.schema_name`,
		[PLATFORM_SCHEMA],
	)
	const outdated: string[] = []
	for (const row of rows) {
		const expected = row.slug === null ? platformMigrations : tenantMigrations
		const applied = new Set(row.names ?? [])
		if (expected.some((m) => !applied.has(m.name))) outdated.push(row.schema_name)
	}
	return outdated
}
