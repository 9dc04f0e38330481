import { X509Certificate } from 'node:crypto'
import type pg from 'pg'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import { readMigrations } from '../db/migrations.server'
import { evaluateTown, summarise, type TownFigures } from './health-rules'

// How a town's health figures are gathered (decision 024): ONE statement against the town's own
// schema (sub-selects, each on an index or a small table), one against the job queue and one against
// the migration ledger, run by the refresh-town-health job, never by a page view. The result is kept
// in platform.town_health (the console's table reads only that) and a sample in town_health_sample.

/** Samples older than this are pruned at each refresh (the detail page shows the last days). */
export const SAMPLE_RETENTION_DAYS = 14

type TownRow = {
	last_login: Date | null
	sp_certificate: string | null
	idp_certificates: string[] | null
	idp_metadata_fetched_at: Date | null
	records_configured: boolean | null
	has_iban: boolean | null
	backlog: string
	oldest_pending: Date | null
	records_failures: string
	gateway_configured: boolean
	last_card_paid: Date | null
	failed_notifications: string
	last_import: Date | null
	failed_logins: string
	denied: string
	locked: string
}

function townSql(slug: string) {
	const s = quoteIdent(tenantSchemaName(slug))
	const since = `now() - interval '24 hours'`
	return `SELECT
		(SELECT max(last_login_at) FROM ${s}.person) AS last_login,
		nia.sp_certificate, nia.idp_certificates, nia.idp_metadata_fetched_at,
		(SELECT records_connector <> '{}'::jsonb FROM ${s}.town_settings WHERE id = 1) AS records_configured,
		(SELECT iban IS NOT NULL AND iban <> '' FROM ${s}.town_settings WHERE id = 1) AS has_iban,
		((SELECT count(*) FROM ${s}.delivery_outbox WHERE state = 'pending') + (SELECT count(*) FROM ${s}.answer_outbox WHERE state = 'pending'))::text AS backlog,
		LEAST((SELECT min(created_at) FROM ${s}.delivery_outbox WHERE state = 'pending'), (SELECT min(created_at) FROM ${s}.answer_outbox WHERE state = 'pending')) AS oldest_pending,
		((SELECT count(*) FROM ${s}.delivery_outbox WHERE last_error IS NOT NULL AND updated_at > ${since}) + (SELECT count(*) FROM ${s}.answer_outbox WHERE last_error IS NOT NULL AND updated_at > ${since}))::text AS records_failures,
		EXISTS (SELECT 1 FROM ${s}.gateway_credential WHERE status = 'active') AS gateway_configured,
		(SELECT max(paid_at) FROM ${s}.payment WHERE method IN ('gopay', 'stripe') AND state = 'paid') AS last_card_paid,
		(SELECT count(*) FROM ${s}.gateway_notification WHERE received_at > ${since} AND (outcome = 'unknown_payment' OR (processed_at IS NULL AND received_at < now() - interval '5 minutes')))::text AS failed_notifications,
		(SELECT max(created_at) FROM ${s}.bank_statement) AS last_import,
		(SELECT count(*) FROM ${s}.login_attempt WHERE NOT success AND at > ${since})::text AS failed_logins,
		(SELECT count(*) FROM ${s}.audit_log WHERE outcome = 'denied' AND at > ${since})::text AS denied,
		(SELECT count(*) FROM ${s}.staff_user WHERE locked_until > now())::text AS locked
	FROM (SELECT 1) one LEFT JOIN ${s}.nia_settings nia ON nia.id = 1`
}

/** The job queue's view of the town: jobs waiting to start (and since when), e-mails that failed in 24 h. */
async function queueFigures(pool: pg.Pool, slug: string) {
	const { rows: present } = await pool.query<{ job: string | null; archive: string | null }>(
		`SELECT to_regclass('pgboss.job')::text AS job, to_regclass('pgboss.archive')::text AS archive`,
	)
	if (!present[0]?.job) return { jobs: { waiting: 0, oldestWaitingAt: null }, email: { failures24h: 0 } }
	const failedMail = (table: string) =>
		`SELECT count(*) FROM ${table} WHERE name = 'send-email' AND state = 'failed' AND data->>'tenantSlug' = $1 AND completed_on > now() - interval '24 hours'`
	const { rows } = await pool.query<{ waiting: string; oldest: Date | null; mail: string }>(
		`SELECT count(*)::text AS waiting, min(start_after) AS oldest,
			((${failedMail('pgboss.job')})${present[0].archive ? ` + (${failedMail('pgboss.archive')})` : ''})::text AS mail
		FROM pgboss.job WHERE data->>'tenantSlug' = $1 AND state IN ('created', 'retry') AND start_after <= now()`,
		[slug],
	)
	const row = rows[0]!
	return { jobs: { waiting: Number(row.waiting), oldestWaitingAt: row.oldest?.toISOString() ?? null }, email: { failures24h: Number(row.mail) } }
}

let expectedMigrations: number | undefined
async function expectedTenantMigrations() {
	expectedMigrations ??= (await readMigrations('tenant')).length
	return expectedMigrations
}

function certificateExpiry(pem: string) {
	const text = pem.includes('-----BEGIN')
		? pem
		: `-----BEGIN CERTIFICATE-----\n${pem.replace(/\s+/g, '').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`
	try {
		return new Date(new X509Certificate(text).validTo)
	} catch {
		return null
	}
}

/** The earliest expiry among the town's SP certificate and NIA's signing certificates. */
function earliestCertificate(sp: string | null, idp: string[]) {
	let earliest: { at: Date; of: 'sp' | 'idp' } | null = null
	for (const [pem, of] of [...(sp ? [[sp, 'sp'] as const] : []), ...idp.map((pem) => [pem, 'idp'] as const)]) {
		const at = certificateExpiry(pem)
		if (at && (!earliest || at < earliest.at)) earliest = { at, of }
	}
	return earliest
}

/** Gathers one town's figures (three queries in all). */
export async function collectTownFigures(pool: pg.Pool, slug: string): Promise<TownFigures> {
	const [{ rows }, queue, ledger, expected] = await Promise.all([
		pool.query<TownRow>(townSql(slug)),
		queueFigures(pool, slug),
		pool.query<{ applied: string; last: string | null }>(
			`SELECT count(*)::text AS applied, max(name) AS last FROM platform.schema_migration WHERE schema_name = $1`,
			[tenantSchemaName(slug)],
		),
		expectedTenantMigrations(),
	])
	const row = rows[0]!
	const certificate = earliestCertificate(row.sp_certificate, row.idp_certificates ?? [])
	const iso = (value: Date | null) => value?.toISOString() ?? null
	return {
		schema: { applied: Number(ledger.rows[0]?.applied ?? 0), expected, last: ledger.rows[0]?.last ?? null },
		lastCitizenLoginAt: iso(row.last_login),
		nia: {
			configured: row.sp_certificate !== null,
			metadataFetchedAt: iso(row.idp_metadata_fetched_at),
			certExpiresAt: certificate?.at.toISOString() ?? null,
			certOf: certificate?.of ?? null,
		},
		records: {
			configured: Boolean(row.records_configured),
			backlog: Number(row.backlog),
			oldestPendingAt: iso(row.oldest_pending),
			failures24h: Number(row.records_failures),
		},
		gateway: { configured: row.gateway_configured, lastPaidAt: iso(row.last_card_paid), failedNotifications24h: Number(row.failed_notifications) },
		bank: { account: Boolean(row.has_iban), lastImportAt: iso(row.last_import) },
		...queue,
		security: { failedLogins24h: Number(row.failed_logins), denied24h: Number(row.denied), lockedAccounts: Number(row.locked) },
	}
}

/**
 * Refreshes one town's summary row and adds a sample. A town whose figures cannot be read (a
 * schema half-migrated, say) gets a red row with the error instead of keeping yesterday's green.
 */
export async function refreshTownHealth(pool: pg.Pool, tenant: { id: string; slug: string; status: 'active' | 'suspended' }, now = new Date()) {
	let figures: TownFigures | null = null
	let error: string | null = null
	try {
		figures = await collectTownFigures(pool, tenant.slug)
	} catch (caught) {
		error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 500)
	}
	const { level, problems } = figures ? summarise(evaluateTown({ status: tenant.status, figures, now })) : { level: 'red' as const, problems: 1 }
	const json = JSON.stringify(figures ?? {})
	await pool.query(
		`WITH upsert AS (
			INSERT INTO platform.town_health (tenant_id, refreshed_at, level, problems, figures, error) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
			ON CONFLICT (tenant_id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, level = EXCLUDED.level, problems = EXCLUDED.problems, figures = EXCLUDED.figures, error = EXCLUDED.error
		), sample AS (
			INSERT INTO platform.town_health_sample (tenant_id, at, level, figures) VALUES ($1, $2, $3, $5::jsonb) ON CONFLICT DO NOTHING
		)
		DELETE FROM platform.town_health_sample WHERE tenant_id = $1 AND at < $2::timestamptz - make_interval(days => $7)`,
		[tenant.id, now, level, problems, json, error, SAMPLE_RETENTION_DAYS],
	)
	return { level, problems, figures, error }
}

/** pg advisory lock key of the batched refresh: one process at a time does it. */
const REFRESH_ALL_LOCK = 24_018_001

/**
 * Every town's health row in one batch (the scheduler's platform row, every 5 minutes): instead of a
 * queued job per town, one pass with a few towns at a time. Only one process runs it at once (an
 * advisory lock); a town whose figures fail gets its red row and the pass goes on.
 */
export async function refreshAllTownHealth(pool: pg.Pool, { concurrency = 4, now = new Date() }: { concurrency?: number; now?: Date } = {}) {
	const client = await pool.connect()
	try {
		const { rows: lock } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [REFRESH_ALL_LOCK])
		if (!lock[0]?.ok) return { ran: false as const, towns: 0 }
		try {
			const { rows: towns } = await pool.query<{ id: string; slug: string; status: 'active' | 'suspended' }>(
				'SELECT id, slug, status FROM platform.tenant ORDER BY slug',
			)
			let next = 0
			await Promise.all(
				Array.from({ length: Math.max(1, Math.min(concurrency, towns.length)) }, async () => {
					while (next < towns.length) await refreshTownHealth(pool, towns[next++]!, now)
				}),
			)
			return { ran: true as const, towns: towns.length }
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [REFRESH_ALL_LOCK])
		}
	} finally {
		client.release()
	}
}
