import { asSubject, type AppAbility } from '../access/ability.server'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { enqueueJobsInTransaction, wakeJobs } from '../jobs/enqueue.server'
import { notifyTownChanged } from '../tenancy/town-cache.server'
import type { AnnouncementInput } from './announcement-input'
import { transitionAnnouncement } from './announcement-states'
import { sendAnnouncementJob } from './announcements-jobs'

const date = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null)

/**
 * Saves an announcement and starts sending it (decision 023): an admin, or a clerk of the topic's
 * agenda. The recipients are counted now (the subscribers of the topic at this moment), so the
 * sender's progress has a fixed total; the job pages through them by person id. The announcement
 * starts "queued" and its first job is queued in the same transaction (nothing half-made when
 * either fails); with nobody subscribed it is "sent" at once.
 */
export async function createAnnouncement({
	db,
	ability,
	tenantSlug,
	staffId,
	input,
	topics,
	ip,
	requestId,
}: {
	db: TenantDb
	ability: AppAbility
	tenantSlug: string
	staffId: string
	input: AnnouncementInput
	topics: string[]
	ip?: string | null
	requestId?: string | null
}) {
	if (!topics.includes(input.topic)) throw new AppError('input_invalid', 'Unknown topic.')
	if (!ability.can('create', asSubject('Announcement', { topic: input.topic } as never))) throw new AppError('input_invalid', 'You do not work this topic.')
	const announcement = await db.$transaction(async (tx) => {
		const recipients = await tx.announcementSubscription.count({ where: { topic: input.topic } })
		const created = await tx.announcement.create({
			data: {
				topic: input.topic,
				title: input.title,
				body: input.body,
				validFrom: date(input.validFrom),
				validTo: date(input.validTo),
				createdByStaffId: staffId,
				recipients,
				state: 'queued',
			},
			select: { id: true, recipients: true },
		})
		await tx.announcementTransition.create({
			data: { announcementId: created.id, fromState: null, toState: 'queued', actor: 'office', detail: { recipients } },
		})
		if (recipients === 0) await transitionAnnouncement(tx, { announcementId: created.id, to: 'sent', actor: 'system', detail: { recipients } })
		else await enqueueJobsInTransaction(tx, sendAnnouncementJob, [{ payload: { tenantSlug, announcementId: created.id } }])
		await recordAudit(tx, {
			action: 'announcement.created',
			staffId,
			subject: `Announcement:${created.id}`,
			details: { topic: input.topic, recipients },
			ip,
			requestId,
		})
		// The home page's list of current announcements is remembered per town (listCurrentAnnouncements):
		// every process forgets it when this commits.
		await notifyTownChanged(tx, tenantSlug)
		return created
	})
	if (announcement.recipients > 0) wakeJobs(sendAnnouncementJob)
	return announcement
}

/**
 * The office resumes a failed announcement: failed -> sending and a new first job, in one transaction.
 * The recipients already reached keep their delivery rows and the cursor, so nobody gets it twice.
 * Returns false (and changes nothing) when it is not failed or not this member of staff's topic.
 */
export async function resumeAnnouncement({
	db,
	ability,
	tenantSlug,
	staffId,
	announcementId,
	ip,
	requestId,
}: {
	db: TenantDb
	ability: AppAbility
	tenantSlug: string
	staffId: string
	announcementId: string
	ip?: string | null
	requestId?: string | null
}) {
	const row = await db.announcement.findUnique({ where: { id: announcementId }, select: { topic: true } })
	if (!row || !ability.can('create', asSubject('Announcement', { topic: row.topic } as never))) return false
	const resumed = await db.$transaction(async (tx) => {
		const moved = await transitionAnnouncement(tx, { announcementId, to: 'sending', actor: 'office', detail: { staffId } })
		if (!moved.ok) return false
		await enqueueJobsInTransaction(tx, sendAnnouncementJob, [{ payload: { tenantSlug, announcementId } }])
		await recordAudit(tx, { action: 'announcement.resumed', staffId, subject: `Announcement:${announcementId}`, details: { topic: row.topic }, ip, requestId })
		return true
	})
	if (resumed) wakeJobs(sendAnnouncementJob)
	return resumed
}
