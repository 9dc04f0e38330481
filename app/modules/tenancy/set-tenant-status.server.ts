import type pg from 'pg'
import { AppError } from '../errors/app-error'
import { getPlatformDb } from '../db/platform-db.server'
import { notifyTenantChanged } from './tenant-events.server'

/** Suspends or resumes a town; its hosts answer 503 while suspended. Returns whether anything changed. */
export async function setTenantStatus({ pool, slug, status, actor }: { pool: pg.Pool; slug: string; status: 'active' | 'suspended'; actor: string }) {
	const db = getPlatformDb()
	const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true, status: true } })
	if (!tenant) throw new AppError('tenant_not_found', `No town with slug "${slug}"`)
	if (tenant.status === status) return false
	await db.$transaction([
		db.tenant.update({ where: { id: tenant.id }, data: { status } }),
		db.platformAudit.create({ data: { actor, action: status === 'active' ? 'tenant.resume' : 'tenant.suspend', tenantId: tenant.id } }),
	])
	await notifyTenantChanged(pool, slug)
	return true
}
