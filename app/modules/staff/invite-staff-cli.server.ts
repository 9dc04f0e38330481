import type { AgendaName, StaffRoleName } from '../access/permissions'
import { getPlatformDb } from '../db/platform-db.server'
import { getTenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { isLocale, pickText, type LocalizedText } from '../i18n/locales'
import { townOrigin } from '../tenancy/town-origin.server'
import { inviteStaff } from './invite-staff.server'

type Options = { slug: string; email: string; name: string; roles: StaffRoleName[]; agendas: AgendaName[]; baseUrl?: string; actor: string }

/** `portal staff invite`: an invitation sent from the command line (e.g. a new town's first admin). */
export async function inviteStaffFromCli({ slug, email, name, roles, agendas, baseUrl, actor }: Options) {
	const tenant = await getPlatformDb().tenant.findUnique({
		where: { slug },
		select: { id: true, slug: true, hosts: { where: { isPrimary: true }, select: { host: true } } },
	})
	if (!tenant) throw new AppError('tenant_not_found', `No town "${slug}" (see: portal tenant list)`)
	const primaryHost = tenant.hosts[0]?.host
	if (!primaryHost && !baseUrl) throw new AppError('tenant_not_found', `Town "${slug}" has no primary host; pass --base-url`)
	const db = getTenantDb(tenant)
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { name: true, defaultLocale: true } })
	const locale = isLocale(settings?.defaultLocale) ? settings.defaultLocale : 'cs'
	const townName = settings ? pickText(settings.name as LocalizedText, locale) : slug
	const result = await inviteStaff({
		db,
		tenantSlug: slug,
		townName,
		email,
		name,
		roles,
		agendas,
		invitedBy: null,
		origin: (baseUrl ?? townOrigin(primaryHost!)).replace(/\/+$/, ''),
		locale,
		requestId: actor,
	})
	await getPlatformDb().platformAudit.create({
		data: { actor, action: 'staff.invite', tenantId: tenant.id, details: { email: email.toLowerCase(), roles, agendas, staffUserId: result.staffUserId } },
	})
	return result
}
