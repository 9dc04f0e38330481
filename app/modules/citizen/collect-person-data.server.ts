import { accessibleWhere, type AppAbility } from '../access/ability.server'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { DEFAULT_ACCOUNTING_RETENTION_YEARS } from './retention'

/**
 * Everything the portal holds about one citizen (GDPR art. 15): the profile, their sessions (without the
 * session ids, which would be credentials) and the audit entries of their own actions. Recorded as
 * `profile.export` in the audit log.
 */
export async function collectPersonData({
	db,
	ability,
	personId,
	format,
	requestId,
}: {
	db: TenantDb
	ability: AppAbility
	personId: string
	format: 'json' | 'pdf'
	requestId?: string | null
}) {
	const person = await db.person.findFirstOrThrow({
		where: { AND: [accessibleWhere(ability, 'export', 'Person'), { id: personId }] },
	})
	const sessions = await db.session.findMany({
		where: { AND: [accessibleWhere(ability, 'read', 'Session'), { personId }] },
		select: { createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true },
		orderBy: { createdAt: 'desc' },
	})
	const auditLog = await db.auditLog.findMany({
		where: { AND: [accessibleWhere(ability, 'read', 'AuditLog'), { actorId: personId }] },
		select: { at: true, action: true, outcome: true, subject: true, details: true, ip: true },
		orderBy: { at: 'desc' },
		take: 5_000,
	})
	await recordAudit(db, { action: 'profile.export', personId, subject: `Person:${personId}`, details: { format }, requestId })
	return {
		exportedAt: new Date().toISOString(),
		person: {
			personIdentifier: person.personIdentifier,
			givenName: person.givenName,
			familyName: person.familyName,
			dateOfBirth: person.dateOfBirth?.toISOString().slice(0, 10) ?? null,
			address: person.address,
			addressIds: person.addressIds,
			municipalityCode: person.municipalityCode,
			isResident: person.isResident,
			email: person.email,
			phone: person.phone,
			levelOfAssurance: person.levelOfAssurance,
			notificationEmail: person.notificationEmail,
			notifyByEmail: person.notifyByEmail,
			preferredLocale: person.preferredLocale,
			createdAt: person.createdAt.toISOString(),
			lastLoginAt: person.lastLoginAt?.toISOString() ?? null,
		},
		sessions: sessions.map((session) => ({
			...session,
			createdAt: session.createdAt.toISOString(),
			lastSeenAt: session.lastSeenAt.toISOString(),
			expiresAt: session.expiresAt.toISOString(),
		})),
		auditLog: auditLog.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
		retention: { accountingRecordsYears: DEFAULT_ACCOUNTING_RETENTION_YEARS },
	}
}

export type PersonData = Awaited<ReturnType<typeof collectPersonData>>
