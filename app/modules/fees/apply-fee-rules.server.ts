import { createHash } from 'node:crypto'
import type { TenantDb } from '../db/tenant-db.server'
import type { Rulebook } from './rulebook-schema'

/**
 * The blueprint's `fees:` section becomes a new fee_rule_version when it differs from the newest
 * version (issued claims keep theirs). A blueprint without fee types leaves the rules alone, so rules
 * edited by the town's admins are not overwritten by an empty placeholder.
 */
export async function applyFeeRules({ db, rules, actor }: { db: TenantDb; rules: Rulebook | undefined; actor: string }): Promise<string[]> {
	if (!rules || rules.feeTypes.length === 0) return []
	const rulesHash = createHash('sha256').update(JSON.stringify(rules)).digest('hex')
	const latest = await db.feeRuleVersion.findFirst({ orderBy: { version: 'desc' }, select: { version: true, rulesHash: true } })
	if (latest?.rulesHash === rulesHash) return []
	const version = (latest?.version ?? 0) + 1
	await db.feeRuleVersion.create({ data: { version, rules: rules as object, rulesHash, createdBy: `blueprint (${actor})` } })
	return [`fee rules: version ${version}`]
}
