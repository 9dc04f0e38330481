// Helpers for tests that need a database: raw SQL, migrations (also from a scratch copy of the
// migration folders), and towns created the way an operator creates them (blueprint -> apply).
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stringify } from 'yaml'
import { migrateDatabase, type MigrationProgress } from '../app/modules/db/migrate.server'
import { migrationsDir, type MigrationKind } from '../app/modules/db/migrations.server'
import { getPool } from '../app/modules/db/pool.server'
import { quoteIdent, tenantSchemaName } from '../app/modules/db/schema-name'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { makeTempDir } from './temp'

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Rows of a raw SQL query on the worker's database. */
export async function sql<Row extends Record<string, unknown> = Record<string, unknown>>(text: string, params: unknown[] = []) {
	const result = await getPool().query<Row>(text, params)
	return result.rows
}

export async function schemaExists(schema: string) {
	const rows = await sql('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])
	return rows.length === 1
}

export async function tableNames(schema: string) {
	const rows = await sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [schema])
	return rows.map((row) => row.table_name)
}

/** Drops every schema the app created (platform, tenant_*), leaving an empty database. */
export async function resetDatabase() {
	const rows = await sql<{ nspname: string }>(
		`SELECT nspname FROM pg_namespace
		  WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public')`,
	)
	for (const { nspname } of rows) await sql(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`)
}

export function migrate(options: { root?: string; onlyTenants?: string[]; onProgress?: (event: MigrationProgress) => void } = {}) {
	return migrateDatabase({ pool: getPool(), ...options })
}

/** A scratch project root holding a copy of the real migrations, to add or edit migrations freely. */
export function copyMigrationsRoot() {
	const root = makeTempDir('portal-migrations-')
	for (const kind of ['platform', 'tenant'] as const) {
		cpSync(migrationsDir(kind, REPO_ROOT), migrationsDir(kind, root), { recursive: true })
	}
	return root
}

export function writeMigration(root: string, kind: MigrationKind, name: string, text: string) {
	const dir = path.join(migrationsDir(kind, root), name)
	mkdirSync(dir, { recursive: true })
	writeFileSync(path.join(dir, 'migration.sql'), text)
}

export const TEST_LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'

/** A small valid blueprint for a town; override any top-level key. */
export function testBlueprint(slug: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		slug,
		name: { cs: `Obec ${slug}`, en: `Municipality ${slug}` },
		hosts: [`${slug}.test`],
		locales: { default: 'cs', enabled: ['cs', 'en'] },
		theme: { preset: 'civic-blue' },
		logo: 'logo.svg',
		intro: { cs: 'Vítejte.' },
		contact: { address: 'Náměstí 1, 123 45 Obec', email: `podatelna@${slug}.example`, phone: '+420 123 456 789' },
		payments: { iban: 'CZ87 0300 0000 0000 1778 9001' },
		...overrides,
	}
}

/**
 * Writes <tmp>/<folder>/blueprint.yaml (folder defaults to the slug) plus a logo.svg; returns the folder.
 * `files` adds or replaces files beside the blueprint (null leaves the logo out).
 */
export function writeBlueprint(blueprint: Record<string, unknown>, options: { folder?: string; files?: Record<string, string | null> } = {}) {
	const dir = path.join(makeTempDir('portal-blueprint-'), options.folder ?? String(blueprint.slug))
	mkdirSync(dir, { recursive: true })
	writeFileSync(path.join(dir, 'blueprint.yaml'), stringify(blueprint))
	const files: Record<string, string | null> = { 'logo.svg': TEST_LOGO, ...options.files }
	for (const [name, content] of Object.entries(files)) if (content !== null) writeFileSync(path.join(dir, name), content)
	return dir
}

/** Creates (or updates) a town exactly as `portal tenant apply` does, from a blueprint folder. */
export async function applyTestBlueprint(dir: string) {
	const blueprint = await loadBlueprint(dir)
	return applyBlueprint({ pool: getPool(), blueprint, actor: 'test' })
}

/** A town from testBlueprint(slug, overrides), applied; returns what tests need to reach it. */
export async function createTown(slug: string, overrides: Record<string, unknown> = {}) {
	const dir = writeBlueprint(testBlueprint(slug, overrides))
	const result = await applyTestBlueprint(dir)
	const [row] = await sql<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', [slug])
	return { dir, result, tenant: { id: row.id, slug }, schema: tenantSchemaName(slug) }
}
