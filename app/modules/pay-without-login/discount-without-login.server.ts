import type { TenantDb } from '../db/tenant-db.server'
import { RulebookSchema } from '../fees/rulebook-schema'

/**
 * The town's rule (rulebook `discount.discountWithoutLogin`, default false): whether a payment made from
 * a payment slip without logging in keeps the e-payment discount. Read from the rulebook version the
 * claim was computed with (the rule it was issued under), the newest one for claims without a version.
 */
export async function isDiscountWithoutLogin({ db, ruleVersion }: { db: TenantDb; ruleVersion: number | null }): Promise<boolean> {
	const version =
		ruleVersion === null
			? await db.feeRuleVersion.findFirst({ orderBy: { version: 'desc' }, select: { rules: true } })
			: await db.feeRuleVersion.findUnique({ where: { version: ruleVersion }, select: { rules: true } })
	const parsed = RulebookSchema.safeParse(version?.rules ?? {})
	return parsed.success && (parsed.data.discount?.discountWithoutLogin ?? false)
}
