import type { TenantDb } from '../db/tenant-db.server'
import type { LocalizedText } from '../i18n/locales'

export type OpenDataTown = { origin: string; ico: string | null; name: LocalizedText; email: string | null; municipalityCode: string | null }

/** What the open-data outputs say about the town: IČO (publisher), name, contact, RÚIAN municipality. */
export async function getOpenDataTown(db: TenantDb, origin: string): Promise<OpenDataTown> {
	const [settings, nia] = await Promise.all([
		db.townSettings.findUniqueOrThrow({ where: { id: 1 }, select: { name: true, contact: true } }),
		db.niaSettings.findUnique({ where: { id: 1 }, select: { municipalityCode: true } }),
	])
	const contact = (settings.contact ?? {}) as { ico?: string; email?: string }
	return {
		origin,
		ico: contact.ico && /^\d{8}$/.test(contact.ico) ? contact.ico : null,
		name: settings.name as LocalizedText,
		email: contact.email ?? null,
		municipalityCode: nia?.municipalityCode ?? null,
	}
}

/** When the town's settings last changed: the Last-Modified of the catalogue and dataset records. */
export async function getTownSettingsUpdatedAt(db: TenantDb): Promise<Date> {
	return (await db.townSettings.findUniqueOrThrow({ where: { id: 1 }, select: { updatedAt: true } })).updatedAt
}
