import type { TenantDb } from '../db/tenant-db.server'
import { pickText, type Locale } from '../i18n/locales'

/**
 * The name of each fee type (code → "Poplatek za odpad") in the locale, from the newest fee rules:
 * office pages show a fee by its name, never by its code (issue 19). A code the rules no longer
 * know keeps its code.
 */
export async function loadFeeNames(db: TenantDb, locale: Locale): Promise<Record<string, string>> {
	const latest = await db.feeRuleVersion.findFirst({ orderBy: { version: 'desc' }, select: { rules: true } })
	const fees = (latest?.rules as { feeTypes?: { code?: unknown; names?: unknown }[] } | null)?.feeTypes ?? []
	const names: Record<string, string> = {}
	for (const fee of Array.isArray(fees) ? fees : []) if (typeof fee.code === 'string') names[fee.code] = pickText(fee.names, locale) || fee.code
	return names
}
