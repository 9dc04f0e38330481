import { createHash } from 'node:crypto'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { RulebookSchema, type Rulebook } from './rulebook-schema'

type Options = { db: TenantDb; rules: unknown; by: string; ip?: string | null; requestId?: string | null }
export type SaveRuleVersionResult = { ok: true; version: number; created: boolean } | { ok: false; issues: RulebookIssue[] }
export type RulebookIssue = { path: string; code: string; message: string }

/**
 * Validates a rulebook with the blueprint's schema and stores it as a NEW fee_rule_version. Issued
 * claims keep the version they were computed with, so an old version is never changed. Saving the
 * same rules again creates no version.
 */
export async function saveRuleVersion({ db, rules, by, ip = null, requestId = null }: Options): Promise<SaveRuleVersionResult> {
	const parsed = RulebookSchema.safeParse(rules)
	if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })) }
	const rulebook: Rulebook = parsed.data
	const rulesHash = createHash('sha256').update(JSON.stringify(rulebook)).digest('hex')
	return db.$transaction(async (tx) => {
		// Two admins saving at once: the version primary key makes the second save fail rather than overwrite.
		const latest = await tx.feeRuleVersion.findFirst({ orderBy: { version: 'desc' }, select: { version: true, rulesHash: true } })
		if (latest && latest.rulesHash === rulesHash) return { ok: true as const, version: latest.version, created: false }
		const version = (latest?.version ?? 0) + 1
		await tx.feeRuleVersion.create({ data: { version, rules: rulebook as object, rulesHash, createdBy: by } })
		await recordAudit(tx, { action: 'fees.rules_saved', staffId: by, subject: `FeeRuleVersion:${version}`, details: { version, rulesHash }, ip, requestId })
		return { ok: true as const, version, created: true }
	})
}
