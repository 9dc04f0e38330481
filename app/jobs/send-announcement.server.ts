import { transitionAnnouncement } from '../modules/announcements/announcement-states'
import { sendAnnouncementJob } from '../modules/announcements/announcements-jobs'
import { sendAnnouncementPage } from '../modules/announcements/send-announcement-page.server'
import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { enqueueJob } from '../modules/jobs/enqueue.server'
import { townOrigin } from '../modules/tenancy/town-origin.server'

/**
 * One page of an announcement's recipients; enqueues the next page until all are done (decision 023).
 * A page that throws is retried by the queue (its transaction left nothing behind); when the last
 * attempt fails too, the announcement moves to "failed" with the reason, and the office can resume it.
 */
export const sendAnnouncementJobHandler = defineJobHandler(sendAnnouncementJob, async (payload, { tenant, log, attempt }) => {
	const db = getTenantDb(tenant)
	try {
		const result = await sendAnnouncementPage({
			db,
			town: { slug: tenant.slug, origin: townOrigin(tenant.primaryHost) },
			announcementId: payload.announcementId,
		})
		if (!result.done) await enqueueJob(sendAnnouncementJob, payload)
		log.info({ announcementId: payload.announcementId, ...result }, 'announcement page sent')
		return result
	} catch (error) {
		if (attempt > sendAnnouncementJob.retry.limit) {
			const failure = error instanceof Error ? error.message : String(error)
			await db
				.$transaction((tx) => transitionAnnouncement(tx, { announcementId: payload.announcementId, to: 'failed', actor: 'job', failure, detail: { attempt } }))
				.catch((markError) => log.error({ err: markError }, 'could not mark the announcement failed'))
		}
		throw error
	}
})
