// The SQL migrations build the database; the Prisma schemas are what the app's queries are typed and
// compiled against. If the two disagree, queries fail at run time (a missing column) or silently
// misbehave (a nullable column Prisma believes required). This test holds them together.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { migrate, REPO_ROOT, sql } from '../../../tests/db'
import { findSchemaDrift, readDatabaseSchema, readPrismaDatamodel, type KnownExtras } from '../../../tests/schema-drift'
import { readMigrations } from './migrations.server'
import { getPool } from './pool.server'
import { tenantSchemaName } from './schema-name'

const PLATFORM_PRISMA = readFileSync(path.join(REPO_ROOT, 'prisma/platform/schema.prisma'), 'utf8')
const TENANT_PRISMA = readFileSync(path.join(REPO_ROOT, 'prisma/tenant/schema.prisma'), 'utf8')

// What the migrations deliberately add beyond what Prisma can express. Listed here on purpose:
// each must exist exactly so, and anything else unknown to Prisma is drift.
const PLATFORM_EXTRAS: KnownExtras = {
	indexes: {
		// At most one primary host per town; Prisma has no partial indexes.
		tenant_host_one_primary: 'CREATE UNIQUE INDEX tenant_host_one_primary ON SCHEMA.tenant_host USING btree (tenant_id) WHERE is_primary',
	},
	checks: {
		tenant_slug_format: "CHECK ((slug ~ '^[a-z][a-z0-9-]{1,40}$'::text))",
		town_health_level: "CHECK ((level = ANY (ARRAY['green'::text, 'amber'::text, 'red'::text])))",
		town_health_sample_level: "CHECK ((level = ANY (ARRAY['green'::text, 'amber'::text, 'red'::text])))",
	},
}
const TENANT_EXTRAS: KnownExtras = {
	checks: {
		town_settings_single_row: 'CHECK ((id = 1))',
		nia_settings_single_row: 'CHECK ((id = 1))',
		nia_settings_loa: "CHECK ((minimum_loa = ANY (ARRAY['substantial'::text, 'high'::text])))",
		staff_user_email_lower: 'CHECK ((email = lower(email)))',
		form_code_format: "CHECK ((code ~ '^[a-z][a-z0-9-]{1,60}$'::text))",
		submission_attachment_origin_known: "CHECK ((origin = ANY (ARRAY['citizen'::text, 'office'::text])))",
		session_one_subject: `CHECK ((((kind = 'citizen'::SCHEMA."SessionKind") AND (person_id IS NOT NULL) AND (staff_user_id IS NULL)) OR ((kind = 'staff'::SCHEMA."SessionKind") AND (staff_user_id IS NOT NULL) AND (person_id IS NULL))))`,
		// Fees and claims (decision 007): money never goes negative, a claim's amount is base - relief,
		// variable symbols are 10 digits.
		bank_movement_amount_positive: 'CHECK ((amount > 0))',
		bank_statement_format: "CHECK ((format = ANY (ARRAY['gpc'::text, 'camt053'::text, 'fio_json'::text])))",
		bank_statement_progress: 'CHECK (((progress >= 0) AND (progress <= 100)))',
		claim_amounts: 'CHECK (((base_amount >= 0) AND (relief_amount >= 0) AND (relief_amount <= base_amount) AND (amount = (base_amount - relief_amount))))',
		// A claim without a resident is a grant's return with a named debtor (issue 14).
		claim_debtor: "CHECK (((resident_id IS NOT NULL) OR ((grant_settlement_id IS NOT NULL) AND (length(btrim(COALESCE(debtor_name, ''::text))) > 0))))",
		claim_debtor_ico: "CHECK (((debtor_ico IS NULL) OR (debtor_ico ~ '^[0-9]{8}$'::text)))",
		claim_discount: 'CHECK ((((discount_percent >= 0) AND (discount_percent <= 100)) AND (discount_amount >= 0) AND (discount_amount <= amount)))',
		claim_generation_run_status: "CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'done'::text, 'failed'::text])))",
		claim_instalment_positive: 'CHECK ((instalment > 0))',
		claim_instalment_within_count: 'CHECK ((instalment <= instalment_count))',
		claim_paid: 'CHECK (((paid_amount >= 0) AND (discount_granted >= 0) AND (discount_granted <= discount_amount)))',
		claim_variable_symbol_format: "CHECK ((variable_symbol ~ '^[0-9]{10}$'::text))",
		fee_rule_version_positive: 'CHECK ((version > 0))',
		obligation_validity: 'CHECK (((valid_to IS NULL) OR (valid_to >= valid_from)))',
		payment_amounts:
			'CHECK (((amount >= 0) AND (paid_amount >= 0) AND (refunded_amount >= 0) AND (refunded_amount <= paid_amount) AND (overpaid_amount >= 0)))',
		payment_variable_symbol_format: "CHECK (((variable_symbol IS NULL) OR (variable_symbol ~ '^[0-9]{10}$'::text)))",
		payment_item_amounts: 'CHECK (((amount >= 0) AND (discount >= 0)))',
		reminder_days: 'CHECK ((days >= 0))',
		// Card payments (issue 5).
		gateway_notification_provider: "CHECK ((provider = ANY (ARRAY['gopay'::text, 'stripe'::text])))",
		gateway_credential_provider: "CHECK ((provider = ANY (ARRAY['gopay'::text, 'stripe'::text])))",
		gateway_credential_status: "CHECK ((status = ANY (ARRAY['added'::text, 'active'::text, 'retired'::text])))",
		refund_amount_positive: 'CHECK ((amount > 0))',
		refund_reason_present: 'CHECK ((length(btrim(reason)) > 0))',
		refund_state: "CHECK ((state = ANY (ARRAY['requested'::text, 'succeeded'::text, 'failed'::text])))",
		// Official board (issue 17, decision 015).
		board_attachment_pdf: "CHECK ((content_type = 'application/pdf'::text))",
		board_document_dates: 'CHECK ((posted_until >= posted_from))',
		board_document_removal_reason: "CHECK (((state = 'removed_early'::text) = ((removal_reason IS NOT NULL) AND (length(btrim(removal_reason)) > 0))))",
		board_document_state: "CHECK ((state = ANY (ARRAY['planned'::text, 'posted'::text, 'removed_early'::text, 'expired'::text])))",
		board_document_title_present: 'CHECK ((length(btrim(title)) > 0))',
		board_transition_source: "CHECK ((source = ANY (ARRAY['clerk'::text, 'clock'::text])))",
		board_signing_key_private_encrypted: "CHECK ((private_key ~~ 'enc:v1:%'::text))",
		board_snapshot_signed_by_key: 'CHECK (((signature IS NULL) = (key_id IS NULL)))',
		// The citizen's front door (issue 16).
		town_settings_town_type: "CHECK ((town_type = ANY (ARRAY['obec'::text, 'mesto'::text, 'mestys'::text, 'statutarni-mesto'::text])))",
		// Town statistics (decision 017).
		statistic_month_first_day: 'CHECK ((EXTRACT(day FROM month) = (1)::numeric))',
		statistic_refresh_one_row: 'CHECK ((id = 1))',
		statistic_refresh_status: "CHECK ((status = ANY (ARRAY['idle'::text, 'queued'::text, 'running'::text, 'done'::text, 'failed'::text])))",
		// Grants (issue 14, decision 022).
		grant_application_applicant_kind: "CHECK ((applicant_kind = ANY (ARRAY['natural'::text, 'legal'::text])))",
		grant_application_awarded:
			"CHECK (((state <> ALL (ARRAY['awarded'::text, 'contracted'::text, 'paid'::text, 'settlement_filed'::text, 'settlement_returned'::text, 'settled'::text])) OR ((awarded_amount > 0) AND (resolution_number IS NOT NULL) AND (deciding_body IS NOT NULL))))",
		grant_application_deciding_body: "CHECK (((deciding_body IS NULL) OR (deciding_body = ANY (ARRAY['rada'::text, 'zastupitelstvo'::text]))))",
		grant_application_excluded: "CHECK (((state <> 'excluded'::text) OR (length(btrim(COALESCE(exclusion_reason, ''::text))) > 0)))",
		grant_application_ico: "CHECK (((applicant_kind = 'legal'::text) = (applicant_ico IS NOT NULL)))",
		grant_application_rejected: "CHECK (((state <> 'rejected'::text) OR (length(btrim(COALESCE(rejection_reason, ''::text))) > 0)))",
		grant_application_requested: 'CHECK ((requested_amount >= 0))',
		grant_application_returned: "CHECK (((state <> 'returned'::text) OR ((return_message IS NOT NULL) AND (return_deadline IS NOT NULL))))",
		grant_application_state:
			"CHECK ((state = ANY (ARRAY['draft'::text, 'submitted'::text, 'returned'::text, 'excluded'::text, 'in_evaluation'::text, 'awarded'::text, 'rejected'::text, 'contracted'::text, 'paid'::text, 'settlement_filed'::text, 'settlement_returned'::text, 'settled'::text])))",
		grant_application_event_actor: "CHECK ((actor = ANY (ARRAY['applicant'::text, 'staff'::text, 'system'::text])))",
		grant_attachment_purpose: "CHECK ((purpose = ANY (ARRAY['application'::text, 'settlement'::text])))",
		grant_budget_line_amounts: 'CHECK (((own_share >= 0) AND (requested >= 0)))',
		grant_call_dates: 'CHECK ((closes_on >= opens_on))',
		grant_contract_amount: 'CHECK ((amount > 0))',
		grant_contract_deadlines_after_signing:
			'CHECK (((signed_on IS NOT NULL) OR ((board_deadline IS NULL) AND (registr_smluv_deadline IS NULL) AND (de_minimis_deadline IS NULL))))',
		grant_evaluator_assignment_declaration:
			"CHECK ((((conflict_declaration IS NULL) = (declared_at IS NULL)) AND ((conflict_declaration IS NULL) OR (conflict_declaration = ANY (ARRAY['none'::text, 'conflict'::text])))))",
		grant_evaluator_assignment_scored: "CHECK (((scored_at IS NULL) OR (conflict_declaration = 'none'::text)))",
		grant_payout_amount: 'CHECK ((amount > 0))',
		grant_programme_code_format: "CHECK ((code ~ '^[a-z0-9][a-z0-9-]{1,62}$'::text))",
		grant_programme_kind: "CHECK ((kind = ANY (ARRAY['programme'::text, 'individual'::text])))",
		grant_programme_version_amounts:
			'CHECK (((total_budget > 0) AND (max_grant > 0) AND (min_grant >= 0) AND (min_grant <= max_grant) AND (max_grant <= total_budget)))',
		grant_programme_version_co_financing: 'CHECK (((co_financing_percent >= 0) AND (co_financing_percent <= 100)))',
		grant_programme_version_eligible: "CHECK ((eligible_applicants = ANY (ARRAY['natural'::text, 'legal'::text, 'both'::text])))",
		grant_programme_version_published: "CHECK (((state = 'published'::text) = (published_at IS NOT NULL)))",
		grant_programme_version_state: "CHECK ((state = ANY (ARRAY['draft'::text, 'published'::text])))",
		grant_score_points: 'CHECK ((points >= 0))',
		grant_settings_single_row: 'CHECK ((id = 1))',
		grant_settings_values: 'CHECK (((publication_lead_days >= 0) AND (council_threshold > 0)))',
		grant_settlement_amounts: 'CHECK (((spent_grant >= 0) AND (return_amount >= 0)))',
		grant_settlement_outcome: "CHECK (((outcome IS NULL) OR (outcome = ANY (ARRAY['approved'::text, 'more_requested'::text]))))",
		// Messages and notifications (issue 15, decision 023).
		message_thread_state: "CHECK ((state = ANY (ARRAY['new'::text, 'waiting_for_office'::text, 'waiting_for_citizen'::text, 'closed'::text])))",
		message_thread_subject_present: 'CHECK ((length(btrim(subject)) > 0))',
		thread_message_author: "CHECK ((author = ANY (ARRAY['citizen'::text, 'staff'::text])))",
		thread_message_internal_by_staff: "CHECK (((NOT is_internal) OR (author = 'staff'::text)))",
		thread_message_body_present: 'CHECK ((length(btrim(body)) > 0))',
		canned_reply_present: 'CHECK (((length(btrim(title)) > 0) AND (length(btrim(body)) > 0)))',
		notification_kind:
			"CHECK ((kind = ANY (ARRAY['submission_status'::text, 'message_reply'::text, 'payment_receipt'::text, 'reminder'::text, 'announcement'::text])))",
		notification_preference_kind:
			"CHECK ((kind = ANY (ARRAY['submission_status'::text, 'message_reply'::text, 'payment_receipt'::text, 'reminder'::text, 'announcement'::text])))",
		notification_preference_channel: "CHECK ((channel = ANY (ARRAY['portal'::text, 'email'::text, 'sms'::text])))",
		announcement_state: "CHECK ((state = ANY (ARRAY['queued'::text, 'sending'::text, 'sent'::text, 'failed'::text])))",
		announcement_finished: "CHECK (((state = ANY (ARRAY['sent'::text, 'failed'::text])) = (finished_at IS NOT NULL)))",
		announcement_failure: "CHECK (((state = 'failed'::text) = (failure IS NOT NULL)))",
		thread_filing_filed: `CHECK (((state = 'delivered'::SCHEMA."DeliveryState") = ((filed_at IS NOT NULL) AND (external_id IS NOT NULL))))`,
		thread_filing_failure: `CHECK (((state <> 'failed'::SCHEMA."DeliveryState") OR (last_error IS NOT NULL)))`,
		thread_filing_transition_actor: "CHECK ((actor = ANY (ARRAY['office'::text, 'job'::text])))",
		// The SMS channel (issue 15).
		person_sms_phone_confirmed: 'CHECK (((sms_phone IS NULL) = (sms_phone_confirmed_at IS NULL)))',
		sms_credential_provider: "CHECK ((provider = 'smsbrana'::text))",
		sms_credential_status: "CHECK ((status = ANY (ARRAY['added'::text, 'active'::text, 'retired'::text])))",
		sms_message_finished: "CHECK (((state = 'queued'::text) = (finished_at IS NULL)))",
		sms_message_phone_e164: "CHECK ((phone ~ '^\\+[1-9][0-9]{6,14}$'::text))",
		sms_message_purpose: "CHECK ((purpose = ANY (ARRAY['phone_code'::text, 'notification'::text, 'announcement'::text])))",
		sms_message_state: "CHECK ((state = ANY (ARRAY['queued'::text, 'sent'::text, 'failed'::text])))",
		announcement_transition_states:
			"CHECK (((to_state = ANY (ARRAY['queued'::text, 'sending'::text, 'sent'::text, 'failed'::text])) AND ((from_state IS NULL) OR (from_state = ANY (ARRAY['queued'::text, 'sending'::text, 'sent'::text, 'failed'::text])))))",
		announcement_delivery_outcome: "CHECK ((outcome = ANY (ARRAY['sent'::text, 'skipped'::text, 'failed'::text])))",
		announcement_delivery_sent_somewhere: "CHECK (((outcome = 'sent'::text) = (in_portal OR (email_job_id IS NOT NULL))))",
		announcement_text_present: 'CHECK (((length(btrim(title)) > 0) AND (length(btrim(body)) > 0)))',
		announcement_validity: 'CHECK (((valid_to IS NULL) OR (valid_from IS NULL) OR (valid_to >= valid_from)))',
		announcement_counts: 'CHECK (((processed >= 0) AND (processed <= recipients) AND (in_portal >= 0) AND (emailed >= 0) AND (failed >= 0)))',
	},
	// At most one active gateway credential per provider; Prisma has no partial indexes.
	indexes: {
		sms_credential_one_active: "CREATE UNIQUE INDEX sms_credential_one_active ON SCHEMA.sms_credential USING btree (provider) WHERE (status = 'active'::text)",
		gateway_credential_one_active:
			"CREATE UNIQUE INDEX gateway_credential_one_active ON SCHEMA.gateway_credential USING btree (provider) WHERE (status = 'active'::text)",
		// Full-text search over messages without diacritics (decision 023); Prisma has no expression indexes.
		thread_message_search:
			"CREATE INDEX thread_message_search ON SCHEMA.thread_message USING gin (to_tsvector('simple'::regconfig, portal_unaccent(lower(body))))",
		message_thread_search:
			"CREATE INDEX message_thread_search ON SCHEMA.message_thread USING gin (to_tsvector('simple'::regconfig, portal_unaccent(lower(subject))))",
	},
	// The audit log is append-only: the database refuses UPDATE, DELETE and TRUNCATE on it.
	// The board's folded search text is kept by a trigger (decision 015); a published grant programme version is frozen (decision 022).
	// A grant's return records its claim's payment (issue 14, migration 20261208400000_grant_return_claim).
	functions: [
		'audit_log_append_only',
		'board_document_fold_search_text',
		'grant_application_within_budget',
		'grant_programme_version_frozen',
		'grant_return_claim_settled',
	],
	triggers: [
		'claim.grant_return_claim_settled',
		'audit_log.audit_log_no_update_delete',
		'audit_log.audit_log_no_truncate',
		'board_document.board_document_search_text',
		'grant_application.grant_application_within_budget',
		'grant_programme_version.grant_programme_version_frozen',
	],
	// Claims and portal payments draw variable symbols from one sequence per town (decision 007).
	sequences: ['variable_symbol_seq'],
}

const TOWNS = ['drift-one', 'drift-two']

beforeAll(async () => {
	await migrate()
	await migrate({ onlyTenants: TOWNS })
})

async function driftOf(prismaText: string, schema: string, known: KnownExtras) {
	return findSchemaDrift(readPrismaDatamodel(prismaText), await readDatabaseSchema(getPool(), schema), known)
}

function expectNoDrift(problems: string[]) {
	expect(problems, `The SQL migrations and schema.prisma disagree:\n  ${problems.join('\n  ')}\n`).toEqual([])
}

function edit(text: string, from: string | RegExp, to: string) {
	const edited = text.replace(from, to)
	if (edited === text) throw new Error(`test setup: ${String(from)} not found in the Prisma schema`)
	return edited
}

describe('the migrated database matches the Prisma schemas', () => {
	test('platform schema = prisma/platform/schema.prisma (tables, columns, types, nullability, defaults, keys, indexes, enums)', async () => {
		expectNoDrift(await driftOf(PLATFORM_PRISMA, 'platform', PLATFORM_EXTRAS))
	})

	test.each(TOWNS)('town schema of %s = prisma/tenant/schema.prisma', async (slug) => {
		expectNoDrift(await driftOf(TENANT_PRISMA, tenantSchemaName(slug), TENANT_EXTRAS))
	})

	test('the schema parser is the one the installed Prisma CLI uses', () => {
		// @prisma/prisma-schema-wasm is pinned to Prisma's engine build; bump it together with prisma.
		const readVersion = (pkg: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8'))
		const engines = readVersion('@prisma/engines-version').prisma.enginesVersion as string
		expect(readVersion('@prisma/prisma-schema-wasm').version).toMatch(new RegExp(`^${readVersion('prisma').version}-\\d+\\.${engines}$`))
	})

	test('the comparison exercises every kind of column the schemas use', async () => {
		// If a refactor of the checker stopped looking at these, the tests above would pass vacuously.
		const platform = await readDatabaseSchema(getPool(), 'platform')
		const tenant = await readDatabaseSchema(getPool(), tenantSchemaName(TOWNS[0]))
		const types = new Set([...platform.columns, ...tenant.columns].map((c) => c.type))
		for (const type of [
			'uuid',
			'timestamp(3) with time zone',
			'text[]',
			'enum:platform.TenantStatus',
			'jsonb',
			'bytea',
			'bigint',
			'boolean',
			'integer',
			'text',
		]) {
			expect(types).toContain(type)
		}
	})
})

describe('the drift check notices', () => {
	const town = tenantSchemaName(TOWNS[0])

	test.each([
		[
			'a field added to schema.prisma only',
			/(\s+email\s+String\?)/,
			'$1\n  nickname String?',
			`column person.nickname (Person.nickname): in schema.prisma but not in ${town}`,
		],
		['a field made required in schema.prisma', /email(\s+)String\?/, 'email$1String ', `column person.email: nullable in ${town}, required in schema.prisma`],
		[
			'a changed type',
			/givenName(\s+)String(\s+)@map\("given_name"\)/,
			'givenName$1String$2@map("given_name") @db.VarChar(100)',
			`column person.given_name: type text in ${town}, character varying(100) in schema.prisma`,
		],
		[
			'a dropped native type',
			/actorId(\s+)String\?(\s+)@map\("actor_id"\) @db\.Uuid/,
			'actorId$1String?$2@map("actor_id")',
			`column audit_log.actor_id: type uuid in ${town}, text in schema.prisma`,
		],
		[
			'a changed timestamp precision',
			/(createdAt\s+DateTime\s+@default\(now\(\)\) @map\("created_at"\)) @db\.Timestamptz\(3\)/,
			'$1 @db.Timestamptz(6)',
			`column person.created_at: type timestamp(3) with time zone in ${town}, timestamp(6) with time zone in schema.prisma`,
		],
		[
			'a list turned into a scalar',
			/enabledLocales String\[\]/,
			'enabledLocales String  ',
			`column town_settings.enabled_locales: type text[] in ${town}, text in schema.prisma`,
		],
		['Bytes turned into String', /logo(\s+)Bytes\?/, 'logo$1String?', `column town_settings.logo: type bytea in ${town}, text in schema.prisma`],
		[
			'an index dropped from schema.prisma',
			/\n\s*@@index\(\[at\]\)/,
			'',
			`index audit_log_at_idx: in ${town} but not in schema.prisma (CREATE INDEX audit_log_at_idx ON ${town}.audit_log USING btree (at))`,
		],
		[
			'an index added to schema.prisma only',
			/(\n\s*@@map\("person"\))/,
			'\n  @@index([email])$1',
			`index person_email_idx on person(email): in schema.prisma but not in ${town}`,
		],
		[
			'a unique dropped from schema.prisma',
			/String\?(\s+)@unique @map\("person_identifier"\)/,
			'String?$1@map("person_identifier")',
			`index person_person_identifier_key: in ${town} but not in schema.prisma (CREATE UNIQUE INDEX person_person_identifier_key ON ${town}.person USING btree (person_identifier))`,
		],
		[
			'a removed default',
			/intro(\s+)Json(\s+)@default\("\{\}"\)/,
			'intro$1Json$2',
			`column town_settings.intro: DEFAULT '{}'::jsonb in ${town}, no default in schema.prisma`,
		],
		[
			'a changed default',
			/forms(\s+)Json(\s+)@default\("\[\]"\)/,
			'forms$1Json$2@default("{}")',
			`column town_settings.forms: DEFAULT '[]'::jsonb in ${town}, "{}" in schema.prisma`,
		],
		[
			'a changed delete rule',
			/onDelete: SetNull/,
			'onDelete: Cascade',
			`foreign key audit_log(actor_id) -> person(id) (AuditLog.actor): ON DELETE SetNull in ${town}, Cascade in schema.prisma`,
		],
		[
			'a model the migrations never created',
			/$/,
			'\nmodel Stray {\n  id Int @id\n  @@map("stray")\n}\n',
			`table stray (model Stray): in schema.prisma but not in ${town}`,
		],
	] as const)('%s', async (_, from, to, expected) => {
		expect(await driftOf(edit(TENANT_PRISMA, from, to), town, TENANT_EXTRAS)).toContain(expected)
	})

	test('an added enum value and a changed autoincrement type in the platform schema', async () => {
		const edited = edit(
			edit(PLATFORM_PRISMA, /suspended\n/, 'suspended\n  archived\n'),
			/id(\s+)BigInt(\s+)@id @default\(autoincrement\(\)\)/,
			'id$1Int$2@id @default(autoincrement())',
		)
		expect(await driftOf(edited, 'platform', PLATFORM_EXTRAS)).toEqual([
			'enum TenantStatus: values (active, suspended) in platform, (active, suspended, archived) in schema.prisma',
			'column login_attempt.id: type bigint in platform, integer in schema.prisma',
		])
	})

	test('changes made to the database only (a migration that strays from schema.prisma)', async () => {
		const mutant = tenantSchemaName('drift-mutant')
		await migrate({ onlyTenants: ['drift-mutant'] })
		expect(await driftOf(TENANT_PRISMA, mutant, TENANT_EXTRAS)).toEqual([])
		for (const statement of [
			'ALTER TABLE person ADD COLUMN nickname TEXT',
			'ALTER TABLE person ALTER COLUMN family_name DROP NOT NULL',
			'ALTER TABLE person ALTER COLUMN created_at TYPE TIMESTAMP(3)',
			'ALTER TABLE audit_log ALTER COLUMN subject TYPE VARCHAR(200)',
			'ALTER TABLE audit_log ALTER COLUMN details DROP DEFAULT',
			'ALTER TABLE town_settings ALTER COLUMN enabled_locales SET NOT NULL',
			'ALTER TABLE town_settings ALTER COLUMN gateways TYPE JSON',
			'ALTER TABLE town_settings DROP CONSTRAINT town_settings_single_row',
			'DROP INDEX audit_log_actor_id_idx',
			'CREATE INDEX person_email_idx ON person (email)',
			'ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_id_fkey',
			'ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES person (id) ON DELETE CASCADE ON UPDATE CASCADE',
			'CREATE TABLE stray (id INTEGER)',
			'CREATE VIEW person_names AS SELECT given_name FROM person',
		]) {
			await sql(`SET search_path TO ${mutant}; ${statement}; RESET search_path`)
		}
		const problems = await driftOf(TENANT_PRISMA, mutant, TENANT_EXTRAS)
		expect(problems).toEqual(
			expect.arrayContaining([
				`column person.nickname: in ${mutant} but not in schema.prisma`,
				`column person.family_name: nullable in ${mutant}, required in schema.prisma`,
				`column person.created_at: type timestamp(3) without time zone in ${mutant}, timestamp(3) with time zone in schema.prisma`,
				`column audit_log.subject: type character varying(200) in ${mutant}, text in schema.prisma`,
				`column audit_log.details: no default in ${mutant}, "{}" in schema.prisma`,
				`column town_settings.enabled_locales: NOT NULL in ${mutant}, a list (Prisma creates lists nullable) in schema.prisma`,
				`column town_settings.gateways: type json in ${mutant}, jsonb in schema.prisma`,
				`known CHECK constraint town_settings_single_row: missing from ${mutant}`,
				`index audit_log_actor_id_idx on audit_log(actor_id): in schema.prisma but not in ${mutant}`,
				`index person_email_idx: in ${mutant} but not in schema.prisma (CREATE INDEX person_email_idx ON ${mutant}.person USING btree (email))`,
				`foreign key audit_log(actor_id) -> person(id) (AuditLog.actor): ON DELETE Cascade in ${mutant}, SetNull in schema.prisma`,
				`table stray: in ${mutant} but not in schema.prisma`,
				`relation person_names (pg_class.relkind v): in ${mutant} but not in schema.prisma`,
			]),
		)
		expect(problems).toHaveLength(13)
	})

	test('a lost partial index, and an enum, function and trigger Prisma does not know, in the platform schema', async () => {
		// A scratch copy of the platform schema, built from the same migration files.
		const client = await getPool().connect()
		try {
			await client.query('BEGIN')
			await client.query('CREATE SCHEMA platform_mutant')
			await client.query('SET LOCAL search_path TO platform_mutant')
			for (const migration of await readMigrations('platform', REPO_ROOT)) await client.query(migration.sql)
			await client.query('DROP INDEX tenant_host_one_primary')
			await client.query(`CREATE TYPE "Extra" AS ENUM ('x')`)
			await client.query('CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$')
			await client.query('CREATE TRIGGER tenant_touch BEFORE UPDATE ON tenant FOR EACH ROW EXECUTE FUNCTION touch()')
			await client.query('COMMIT')
		} finally {
			client.release()
		}
		const withoutLedger = PLATFORM_PRISMA.replace(/model SchemaMigration \{[\s\S]*?\n\}/, '')
		// The ledger table is made by the runner, not by the migration files, so it is left out here.
		const problems = await driftOf(withoutLedger, 'platform_mutant', PLATFORM_EXTRAS)
		expect([...problems].sort()).toEqual(
			[
				'known extra index tenant_host_one_primary: missing from platform_mutant (the app relies on it)',
				'enum Extra: in platform_mutant but not in schema.prisma',
				'function touch: in platform_mutant but not in schema.prisma',
				'trigger tenant.tenant_touch: in platform_mutant but not in schema.prisma',
			].sort(),
		)
	})
})
