import { asSubject, type AppAbility } from '../access/ability.server'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { enqueueJob } from '../jobs/enqueue.server'
import type { AnnouncementInput } from './announcement-input'
import { sendAnnouncementJob } from './announcements-jobs'

const date = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null)

/**
 * Saves an announcement and starts sending it (decision 023): an admin, or a clerk of the topic's
 * agenda. The recipients are counted now (the subscribers of the topic at this moment), so the
 * sender's progress has a fixed total; the job pages through them by person id.
 */
export async function createAnnouncement({ db, ability, tenantSlug, staffId, input, topics, ip, requestId }: { db: TenantDb; ability: AppAbility; tenantSlug: string; staffId: string; input: AnnouncementInput; topics: string[]; ip?: string | null; requestId?: string | null }) {
	if (!topics.includes(input.topic)) throw new AppError('input_invalid', 'Unknown topic.')
	if (!ability.can('create', asSubject('Announcement', { topic: input.topic } as never))) throw new AppError('input_invalid', 'You do not work this topic.')
	const announcement = await db.$transaction(async (tx) => {
		const recipients = await tx.announcementSubscription.count({ where: { topic: input.topic } })
		const created = await tx.announcement.create({
			data: { topic: input.topic, title: input.title, body: input.body, validFrom: date(input.validFrom), validTo: date(input.validTo), createdByStaffId: staffId, recipients, ...(recipients === 0 ? { state: 'sent', finishedAt: new Date() } : {}) },
			select: { id: true, recipients: true },
		})
		await recordAudit(tx, { action: 'announcement.created', staffId, subject: `Announcement:${created.id}`, details: { topic: input.topic, recipients }, ip, requestId })
		return created
	})
	if (announcement.recipients > 0) await enqueueJob(sendAnnouncementJob, { tenantSlug, announcementId: announcement.id })
	return announcement
}
