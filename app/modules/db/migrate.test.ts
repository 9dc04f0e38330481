import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { copyMigrationsRoot, migrate, REPO_ROOT, resetDatabase, schemaExists, sql, tableNames, writeMigration } from '../../../tests/db'
import { isAppError, type AppError } from '../errors/app-error'
import { findOutdatedSchemas, type MigrationProgress } from './migrate.server'
import { migrationsDir, readMigrations } from './migrations.server'
import { getPool } from './pool.server'

const PLATFORM_TABLES = [
	'login_attempt',
	'platform_audit',
	'schema_migration',
	'tenant',
	'tenant_host',
	'town_health',
	'town_health_sample',
	'vendor_session',
	'vendor_staff',
	'vendor_token',
]
const TENANT_TABLES = [
	'answer_outbox',
	'audit_log',
	'bank_movement',
	'bank_statement',
	'claim',
	'claim_event',
	'claim_generation_run',
	'delivery_outbox',
	'draft_attachment',
	'fee_rule_version',
	'form',
	'form_version',
	'gateway_credential',
	'gateway_notification',
	'household',
	'login_attempt',
	'nia_settings',
	'obligation',
	'payment',
	'payment_item',
	'payment_transition',
	'person',
	'refund',
	'reminder',
	'representation',
	'resident',
	'saml_request',
	'session',
	'staff_token',
	'staff_user',
	'submission',
	'submission_attachment',
	'submission_counter',
	'submission_draft',
	'submission_event',
	'town_settings',
	'rate_limit',
	'board_document',
	'board_document_version',
	'board_attachment',
	'board_transition',
	'board_snapshot',
	'board_signing_key',
	'statistic_month',
	'statistic_refresh',
	'grant_programme',
	'grant_programme_version',
	'grant_call',
	'grant_application',
	'grant_budget_line',
	'grant_attachment',
	'grant_evaluator_assignment',
	'grant_score',
	'grant_contract',
	'grant_payout',
	'grant_settlement',
	'grant_application_event',
	'grant_settings',
	'message_thread',
	'thread_message',
	'thread_attachment',
	'thread_transition',
	'canned_reply',
	'notification',
	'notification_preference',
	'followup_link',
	'announcement',
	'announcement_subscription',
	'announcement_transition',
	'announcement_delivery',
	'sms_credential',
	'sms_message',
	'phone_confirmation',
	'thread_filing',
	'thread_filing_transition',
].sort()

async function registerTowns(...slugs: string[]) {
	for (const slug of slugs) await sql('INSERT INTO platform.tenant (slug, name) VALUES ($1, $1)', [slug])
}

async function ledger(schema?: string) {
	const rows = await sql<{ schema_name: string; name: string; checksum: string; applied_at: Date }>(
		`SELECT schema_name, name, checksum, applied_at FROM platform.schema_migration
		  WHERE $1::text IS NULL OR schema_name = $1 ORDER BY schema_name, name`,
		[schema ?? null],
	)
	return rows
}

async function catchAppError(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	)
	if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`)
	return error
}

function editMigration(root: string, kind: 'platform' | 'tenant', name: string, edit: (sql: string) => string) {
	const file = path.join(migrationsDir(kind, root), name, 'migration.sql')
	writeFileSync(file, edit(readFileSync(file, 'utf8')))
}

const platformMigrations = await readMigrations('platform', REPO_ROOT)
const [platformInit] = platformMigrations
const tenantMigrations = await readMigrations('tenant', REPO_ROOT)
const [tenantInit] = tenantMigrations

beforeEach(resetDatabase)

describe('migrateDatabase', () => {
	test('applies the platform migrations, then the tenant migrations to every town schema, reporting progress per schema', async () => {
		const first = await migrate()
		expect(first).toEqual({ schemas: 1, applied: platformMigrations.length })
		expect(await tableNames('platform')).toEqual(PLATFORM_TABLES)

		await registerTowns('alpha', 'beta-town')
		const events: MigrationProgress[] = []
		const result = await migrate({ onProgress: (event) => events.push(event) })

		expect(result).toEqual({ schemas: 3, applied: 2 * tenantMigrations.length })
		expect(await tableNames('tenant_alpha')).toEqual(TENANT_TABLES)
		expect(await tableNames('tenant_beta_town')).toEqual(TENANT_TABLES)
		expect(events.filter((e) => e.type === 'schema')).toEqual([
			{ type: 'schema', schema: 'platform', pending: 0, index: 0, total: 0 },
			{ type: 'schema', schema: 'tenant_alpha', pending: tenantMigrations.length, index: 1, total: 2 },
			{ type: 'schema', schema: 'tenant_beta_town', pending: tenantMigrations.length, index: 2, total: 2 },
		])
		expect(events.filter((e) => e.type === 'applied').map((e) => `${e.schema}/${'migration' in e ? e.migration : ''}`)).toEqual([
			...tenantMigrations.map((m) => `tenant_alpha/${m.name}`),
			...tenantMigrations.map((m) => `tenant_beta_town/${m.name}`),
		])
		const rows = await ledger()
		expect(rows.map((r) => [r.schema_name, r.name, r.checksum])).toEqual([
			...platformMigrations.map((m) => ['platform', m.name, m.checksum]),
			...tenantMigrations.map((m) => ['tenant_alpha', m.name, m.checksum]),
			...tenantMigrations.map((m) => ['tenant_beta_town', m.name, m.checksum]),
		])
	})

	test('is safe to re-run: a second run applies nothing and leaves the ledger as it was', async () => {
		await migrate()
		await registerTowns('alpha')
		await migrate()
		const before = await ledger()

		const events: MigrationProgress[] = []
		const again = await migrate({ onProgress: (event) => events.push(event) })

		expect(again).toEqual({ schemas: 2, applied: 0 })
		expect(events).toEqual([
			{ type: 'schema', schema: 'platform', pending: 0, index: 0, total: 0 },
			{ type: 'schema', schema: 'tenant_alpha', pending: 0, index: 1, total: 1 },
		])
		expect(await ledger()).toEqual(before)
	})

	test('refuses an edited, already applied migration, naming the file, and changes nothing', async () => {
		const root = copyMigrationsRoot()
		await migrate({ root })
		await registerTowns('alpha')
		await migrate({ root })
		const before = await ledger()

		editMigration(root, 'tenant', tenantInit.name, (text) => text.replace('"email" TEXT', '"email" VARCHAR(200)'))
		writeMigration(root, 'tenant', '20300101000000_add_note', 'CREATE TABLE "note" ("id" INTEGER PRIMARY KEY);')
		// A pending platform migration is not applied either: the edit is found before anything runs.
		writeMigration(root, 'platform', '20300101000000_add_flag', 'CREATE TABLE "flag" ("id" INTEGER PRIMARY KEY);')

		const error = await catchAppError(migrate({ root }))
		expect(error.code).toBe('migration_checksum_mismatch')
		expect(error.message).toContain('tenant_alpha')
		expect(error.details).toEqual([`tenant/migrations/${tenantInit.name}/migration.sql`])
		expect(await ledger()).toEqual(before)
		expect(await tableNames('tenant_alpha')).toEqual(TENANT_TABLES)
		expect(await tableNames('platform')).toEqual(PLATFORM_TABLES)

		// An edited platform migration stops the run before any town is touched.
		const platformRoot = copyMigrationsRoot()
		editMigration(platformRoot, 'platform', platformInit.name, (text) => `${text}\n-- tidied up\n`)
		writeMigration(platformRoot, 'tenant', '20300101000000_add_note', 'CREATE TABLE "note" ("id" INTEGER PRIMARY KEY);')
		const platformError = await catchAppError(migrate({ root: platformRoot }))
		expect(platformError.code).toBe('migration_checksum_mismatch')
		expect(platformError.details).toEqual([`platform/migrations/${platformInit.name}/migration.sql`])
		expect(await ledger()).toEqual(before)
		expect(await tableNames('tenant_alpha')).toEqual(TENANT_TABLES)
	})

	test('a failing migration is rolled back alone: earlier ones stay, the schema is left at the previous migration', async () => {
		const root = copyMigrationsRoot()
		await migrate({ root })
		await registerTowns('alpha', 'beta')
		await migrate({ root })
		writeMigration(root, 'tenant', '20300101000000_add_note', 'CREATE TABLE "note" ("id" INTEGER PRIMARY KEY);')
		writeMigration(
			root,
			'tenant',
			'20300101000001_add_tag',
			'CREATE TABLE "tag" ("id" INTEGER PRIMARY KEY);\nALTER TABLE "person" ADD COLUMN "tag_id" INTEGER REFERENCES "no_such_table"("id");',
		)

		const error = await catchAppError(migrate({ root }))
		expect(error.code).toBe('migration_failed')
		expect(error.message).toContain('tenant_alpha')
		expect(error.message).toContain('20300101000001_add_tag')
		expect(error.details.join('\n')).toContain('no_such_table')

		const alpha = await ledger('tenant_alpha')
		expect(alpha.map((r) => r.name)).toEqual([...tenantMigrations.map((m) => m.name), '20300101000000_add_note'])
		expect(await tableNames('tenant_alpha')).toEqual([...TENANT_TABLES, 'note'].sort())
		const personColumns = await sql(
			`SELECT 1 FROM information_schema.columns WHERE table_schema = 'tenant_alpha' AND table_name = 'person' AND column_name = 'tag_id'`,
		)
		expect(personColumns).toEqual([])
		// The run stopped there: the next town was not touched.
		expect((await ledger('tenant_beta')).map((r) => r.name)).toEqual(tenantMigrations.map((m) => m.name))
		expect((await findOutdatedSchemas({ pool: getPool(), root })).sort()).toEqual(['tenant_alpha', 'tenant_beta'])

		// Once the migration is fixed, a re-run picks up where it stopped.
		writeMigration(root, 'tenant', '20300101000001_add_tag', 'CREATE TABLE "tag" ("id" INTEGER PRIMARY KEY);')
		expect(await migrate({ root })).toEqual({ schemas: 3, applied: 3 })
		expect(await findOutdatedSchemas({ pool: getPool(), root })).toEqual([])
	})

	test('two runners started together both succeed and apply every migration exactly once (advisory lock)', async () => {
		const [a, b] = await Promise.all([migrate(), migrate()])
		expect([a.applied, b.applied].sort()).toEqual([0, platformMigrations.length])

		await registerTowns('alpha', 'beta', 'gamma')
		const results = await Promise.all([migrate(), migrate(), migrate()])
		expect(results.reduce((sum, r) => sum + r.applied, 0)).toBe(3 * tenantMigrations.length)
		const counts = await sql<{ schema_name: string; name: string; n: string }>(
			`SELECT schema_name, name, count(*) AS n FROM platform.schema_migration GROUP BY 1, 2 ORDER BY 1, 2`,
		)
		expect(counts).toHaveLength(platformMigrations.length + 3 * tenantMigrations.length)
		expect(counts.every((row) => Number(row.n) === 1)).toBe(true)
		for (const schema of ['tenant_alpha', 'tenant_beta', 'tenant_gamma']) expect(await tableNames(schema)).toEqual(TENANT_TABLES)
	})

	test('onlyTenants migrates just the named towns', async () => {
		await migrate()
		await registerTowns('alpha', 'beta')
		expect(await migrate({ onlyTenants: ['beta'] })).toEqual({ schemas: 2, applied: tenantMigrations.length })
		expect(await schemaExists('tenant_alpha')).toBe(false)
		expect(await tableNames('tenant_beta')).toEqual(TENANT_TABLES)
	})
})

describe('findOutdatedSchemas', () => {
	test('is empty when everything is migrated and names each schema that misses a migration', async () => {
		await migrate()
		await registerTowns('alpha', 'beta')
		await migrate()
		const pool = getPool()
		expect(await findOutdatedSchemas({ pool })).toEqual([])

		// A town registered but never migrated.
		await registerTowns('gamma')
		expect(await findOutdatedSchemas({ pool })).toEqual(['tenant_gamma'])

		// A new tenant migration on disk: every town is behind, the platform is not.
		const root = copyMigrationsRoot()
		writeMigration(root, 'tenant', '20300101000000_add_note', 'CREATE TABLE "note" ("id" INTEGER PRIMARY KEY);')
		expect((await findOutdatedSchemas({ pool, root })).sort()).toEqual(['tenant_alpha', 'tenant_beta', 'tenant_gamma'])

		// A new platform migration: the platform schema is behind too.
		writeMigration(root, 'platform', '20300101000000_add_flag', 'ALTER TABLE "tenant" ADD COLUMN "flag" BOOLEAN;')
		expect((await findOutdatedSchemas({ pool, root })).sort()).toEqual(['platform', 'tenant_alpha', 'tenant_beta', 'tenant_gamma'])

		await migrate({ root })
		expect(await findOutdatedSchemas({ pool, root })).toEqual([])
	})
})
