import { sendAnnouncementJob } from '../modules/announcements/announcements-jobs'
import { sendAnnouncementPage } from '../modules/announcements/send-announcement-page.server'
import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { enqueueJob } from '../modules/jobs/enqueue.server'
import { townOrigin } from '../modules/tenancy/town-origin.server'

/** One page of an announcement's recipients; enqueues the next page until all are done (decision 023). */
export const sendAnnouncementJobHandler = defineJobHandler(sendAnnouncementJob, async (payload, { tenant, log }) => {
	const result = await sendAnnouncementPage({ db: getTenantDb(tenant), town: { slug: tenant.slug, origin: townOrigin(tenant.primaryHost) }, announcementId: payload.announcementId })
	if (!result.done) await enqueueJob(sendAnnouncementJob, payload)
	log.info({ announcementId: payload.announcementId, ...result }, 'announcement page sent')
	return result
})
