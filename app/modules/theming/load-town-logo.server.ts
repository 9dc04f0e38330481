import type { TenantDb } from '../db/tenant-db.server'

/** The town's coat of arms from its settings, or null when none was uploaded. */
export async function loadTownLogo(db: Pick<TenantDb, 'townSettings'>): Promise<{ bytes: Uint8Array; type: string } | null> {
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { logo: true, logoType: true } })
	return settings?.logo && settings.logoType ? { bytes: settings.logo, type: settings.logoType } : null
}
