import { getPlatformDb } from '../db/platform-db.server'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { isLocale, pickText, type LocalizedText } from '../i18n/locales'
import { sendStaffMail } from '../staff/send-staff-mail.server'
import { issueStaffToken } from '../staff/staff-token.server'
import { setTenantStatus } from '../tenancy/set-tenant-status.server'
import { townOrigin } from '../tenancy/town-origin.server'
import { refreshTownHealth } from './collect-town-health.server'

// The vendor's own actions on a town from the console. Each is written to platform_audit (who, what,
// which town); none of them shows the vendor anything of the town's citizens.

export const vendorActor = (vendor: { id: string; email: string }) => `vendor:${vendor.email}`

async function findTown(slug: string) {
	const tenant = await getPlatformDb().tenant.findUnique({
		where: { slug },
		select: { id: true, slug: true, status: true, hosts: { where: { isPrimary: true }, select: { host: true } } },
	})
	if (!tenant) throw new AppError('tenant_not_found', `No town "${slug}"`)
	return tenant
}

/** Suspends or resumes the town (audited by setTenantStatus) and refreshes its health row at once. */
export async function setTownStatusFromConsole({ slug, status, actor }: { slug: string; status: 'active' | 'suspended'; actor: string }) {
	const changed = await setTenantStatus({ pool: getPool(), slug, status, actor })
	const tenant = await findTown(slug)
	await refreshTownHealth(getPool(), tenant)
	return changed
}

/** Refreshes one town's health row now (the sweeper does it every 5 minutes). */
export async function refreshTownHealthNow(slug: string) {
	const tenant = await findTown(slug)
	return refreshTownHealth(getPool(), tenant)
}

/**
 * Sends every invitation still open in the town again (staff who never set a password): a new link,
 * the old one stops working. Returns how many were sent; audited with the staff ids, not addresses.
 */
export async function resendStaffInvitations({ slug, actor }: { slug: string; actor: string }) {
	const tenant = await findTown(slug)
	const host = tenant.hosts[0]?.host
	if (!host) throw new AppError('tenant_not_found', `Town "${slug}" has no primary host`)
	const db = getTenantDb(tenant)
	const [settings, pending] = await Promise.all([
		db.townSettings.findUnique({ where: { id: 1 }, select: { name: true, defaultLocale: true } }),
		db.staffUser.findMany({ where: { passwordHash: null, disabledAt: null }, select: { id: true, email: true }, orderBy: { createdAt: 'asc' }, take: 50 }),
	])
	const locale = isLocale(settings?.defaultLocale) ? settings.defaultLocale : 'cs'
	const townName = settings ? pickText(settings.name as LocalizedText, locale) : slug
	for (const staff of pending) {
		const { token, expiresAt } = await issueStaffToken({ db, staffUserId: staff.id, kind: 'invitation' })
		await sendStaffMail({
			tenantSlug: slug,
			to: staff.email,
			locale,
			template: 'staff-invitation',
			data: { link: `${townOrigin(host)}/urad/pozvanka/${token}`, expiresAt: expiresAt.toISOString(), inviterName: townName },
		})
	}
	await getPlatformDb().platformAudit.create({
		data: { actor, action: 'staff.invite_resend', tenantId: tenant.id, details: { staffUserIds: pending.map((staff) => staff.id) } },
	})
	return pending.length
}
