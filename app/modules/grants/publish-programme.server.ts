import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { pragueDate, storedDate } from '../dates/prague-date'
import { postProgrammeToBoard } from './board-postings.server'
import { GrantInputError } from './grant-error'

type Meta = { ip?: string | null; requestId?: string | null }

/** Days from Prague today to the earliest call of the version (negative when already open). */
function daysBetween(from: string, to: string) {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export async function getPublicationCheck({ db, versionId, now }: { db: TenantDb; versionId: string; now: Date }) {
	const [settings, call] = await Promise.all([
		db.grantSettings.findUniqueOrThrow({ where: { id: 1 } }),
		db.grantCall.findFirst({ where: { programmeVersionId: versionId }, orderBy: { opensOn: 'asc' }, select: { opensOn: true } }),
	])
	const leadDays = call ? daysBetween(pragueDate(now), storedDate(call.opensOn)) : 0
	return { requiredDays: settings.publicationLeadDays, leadDays, isEarlyEnough: leadDays >= settings.publicationLeadDays }
}

/**
 * Publishes (freezes) a draft version. §10c: a programme is published at least N days (default 30,
 * per town) before its window opens; a shorter lead is allowed only when an admin confirms the
 * override, which is recorded on the version and in the audit log.
 */
export async function publishProgramme({
	db,
	staffId,
	staffName = 'grants',
	versionId,
	confirmOverride,
	now = new Date(),
	meta = {},
}: {
	db: TenantDb
	staffId: string
	staffName?: string
	versionId: string
	confirmOverride: boolean
	now?: Date
	meta?: Meta
}) {
	const version = await db.grantProgrammeVersion.findUnique({ where: { id: versionId }, select: { state: true, programmeId: true } })
	if (!version) throw new GrantInputError('errors.notFound')
	if (version.state !== 'draft') throw new GrantInputError('errors.alreadyPublished')
	const check = await getPublicationCheck({ db, versionId, now })
	if (!check.isEarlyEnough && !confirmOverride)
		throw new GrantInputError('errors.publicationLead', 'confirmOverride', { days: check.requiredDays, lead: check.leadDays })
	await db.$transaction(async (tx) => {
		await tx.grantProgrammeVersion.update({
			where: { id: versionId },
			data: { state: 'published', publishedAt: now, publishedBy: staffId, publicationOverrideBy: check.isEarlyEnough ? null : staffId },
		})
		await recordAudit(tx, {
			action: 'grants.programme_publish',
			staffId,
			subject: `GrantProgramme:${version.programmeId}`,
			details: { versionId, leadDays: check.leadDays, requiredDays: check.requiredDays, override: !check.isEarlyEnough },
			...meta,
		})
	})
	// §10c odst. 3: the programme goes on the official board the day it is published (on the board's clock).
	await postProgrammeToBoard({ db, versionId, staffId, staffName, meta })
	return check
}
