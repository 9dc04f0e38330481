// The data behind `npm run bench:statistiky` (scripts/bench-statistics.ts): Veselí from its blueprint,
// then, with set-based SQL (generate_series), 20,000 residents who are also citizens (registered over
// three years, 40,000 logins), 100,000 claims, 50,000 paid payments with their items and 20,000
// submissions; an admin with a finished staff session.
import path from 'node:path'
import { createSession } from '../app/modules/auth/session.server'
import { migrateDatabase } from '../app/modules/db/migrate.server'
import { getPool } from '../app/modules/db/pool.server'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { refreshStatistics } from '../app/modules/statistics/refresh-statistics.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { REPO_ROOT } from './built-server'

const S = 'tenant_veseli_nad_moravou'
export const HOST = 'veseli.localhost'
export const SIZES = { residents: 20_000, claims: 100_000, payments: 50_000, submissions: 20_000 }

export async function seed() {
	const pool = getPool()
	await migrateDatabase({ pool })
	await applyBlueprint({ pool, blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants/veseli-nad-moravou')), actor: 'bench' })
	const q = (text: string) => pool.query(text)
	// Citizens registered over the three years before December 2026, each linked to a resident.
	await q(`INSERT INTO ${S}.person (given_name, family_name, person_identifier, created_at)
	         SELECT 'Občan', 'Zkušební ' || g, 'CZ/CZ/bench-' || g, TIMESTAMPTZ '2024-01-01 08:00+01' + (g % 1070) * INTERVAL '1 day' FROM generate_series(1, ${SIZES.residents}) g`)
	await q(`INSERT INTO ${S}.resident (given_name, family_name, date_of_birth, external_id, person_id)
	         SELECT 'Občan', p.family_name, DATE '1950-01-01' + (row_number() OVER ())::int % 20000, 'bench-' || p.person_identifier, p.id FROM ${S}.person p WHERE p.person_identifier LIKE 'CZ/CZ/bench-%'`)
	await q(`INSERT INTO ${S}.audit_log (action, actor_id, outcome, at)
	         SELECT 'auth.login', p.id, 'ok', p.created_at + (g * 37 % 300) * INTERVAL '1 day' FROM ${S}.person p, generate_series(1, 2) g WHERE p.person_identifier LIKE 'CZ/CZ/bench-%'`)
	// Five claims per resident (waste and dog, 2024-2026); about a tenth still open.
	await q(`INSERT INTO ${S}.claim (resident_id, fee_type, year, label, base_amount, amount, due_date, variable_symbol, generation_key, status, paid_amount)
	         SELECT r.id, CASE WHEN k % 5 = 4 THEN 'dog' ELSE 'waste' END, 2024 + k % 3, '{"cs":"Poplatek"}', 80000, 80000,
	                make_date(2024 + k % 3, 3 + (k * 2) % 8, 28), '2' || lpad((n * 5 + k)::text, 9, '0'), 'bench:' || n || ':' || k,
	                (CASE WHEN (n + k) % 10 = 0 THEN 'open' ELSE 'paid' END)::${S}."ClaimStatus", CASE WHEN (n + k) % 10 = 0 THEN 0 ELSE 80000 END
	           FROM (SELECT id, row_number() OVER () AS n FROM ${S}.resident WHERE external_id LIKE 'bench-%') r, generate_series(0, 4) k`)
	// Half the claims paid by a payment of their own: QR, card (GoPay, Stripe), transfer with the claim's VS, cash.
	await q(`WITH chosen AS (
	           SELECT id, row_number() OVER (ORDER BY generation_key) AS n, due_date FROM ${S}.claim WHERE generation_key LIKE 'bench:%' AND status = 'paid' LIMIT ${SIZES.payments}),
	         paid AS (
	           INSERT INTO ${S}.payment (method, state, amount, paid_amount, variable_symbol, paid_at, created_at, provider_payment_id)
	           SELECT (ARRAY['bank_transfer', 'gopay', 'stripe', 'bank_transfer', 'manual'])[1 + n % 5]::${S}."PaymentMethod", 'paid', 64000, 64000,
	                  CASE WHEN n % 5 = 0 THEN '3' || lpad(n::text, 9, '0') END, due_date - (n % 40) * INTERVAL '1 day', due_date - 41 * INTERVAL '1 day', 'bench-' || n
	             FROM chosen RETURNING id, provider_payment_id)
	         INSERT INTO ${S}.payment_item (payment_id, claim_id, amount, discount)
	         SELECT paid.id, chosen.id, 64000, 16000 FROM paid JOIN chosen ON paid.provider_payment_id = 'bench-' || chosen.n`)
	// Submissions on the town's forms, 70 % of them resolved within about two weeks.
	await q(`INSERT INTO ${S}.submission (number, form_version_id, agenda, person_id, data, submitted_at, resolved_at, status)
	         SELECT 'BEN-' || lpad(g::text, 7, '0'), v.id, f.agenda, CASE WHEN g % 4 = 0 THEN NULL ELSE p.id END, '{}',
	                TIMESTAMPTZ '2024-01-01 09:00+01' + (g % 1050) * INTERVAL '1 day',
	                CASE WHEN g % 10 < 7 THEN TIMESTAMPTZ '2024-01-01 09:00+01' + (g % 1050) * INTERVAL '1 day' + (g % 330) * INTERVAL '1 hour' END,
	                (CASE WHEN g % 10 < 7 THEN 'resolved' ELSE 'submitted' END)::${S}."SubmissionStatus"
	           FROM generate_series(1, ${SIZES.submissions}) g
	           JOIN LATERAL (SELECT id, form_id FROM ${S}.form_version ORDER BY id OFFSET g % (SELECT count(*) FROM ${S}.form_version) LIMIT 1) v ON true
	           JOIN ${S}.form f ON f.id = v.form_id
	           LEFT JOIN ${S}.person p ON p.person_identifier = 'CZ/CZ/bench-' || (g % ${SIZES.residents} + 1)`)
	const started = performance.now()
	const { rows } = await refreshStatistics({ pool, slug: 'veseli-nad-moravou' })
	const refreshMs = Math.round(performance.now() - started)
	const counts = (
		await pool.query<Record<string, number>>(
			`SELECT (SELECT count(*)::int FROM ${S}.resident) AS residents, (SELECT count(*)::int FROM ${S}.claim) AS claims,
		        (SELECT count(*)::int FROM ${S}.payment) AS payments, (SELECT count(*)::int FROM ${S}.submission) AS submissions`,
		)
	).rows[0]!
	// An admin (with the second factor done) signed in.
	const [tenant] = (await pool.query<{ id: string }>(`SELECT id FROM platform.tenant WHERE slug = 'veseli-nad-moravou'`)).rows
	const tenantRef = { id: tenant!.id, slug: 'veseli-nad-moravou', name: 'Veselí', status: 'active' as const, primaryHost: HOST }
	const db = getTenantDb(tenantRef)
	const admin = await db.staffUser.create({
		data: { email: 'bench-admin@veseli.example', name: 'Bench Admin', roles: ['admin'], agendas: [], totpEnabledAt: new Date() },
	})
	const setCookie = await createSession({ db, tenant: tenantRef, secure: true }, new Request(`http://${HOST}/`), {
		kind: 'staff',
		staffUserId: admin.id,
		secondFactorDone: true,
	})
	return { cookie: setCookie.split(';')[0]!, counts, refreshMs, summaryRows: rows }
}
