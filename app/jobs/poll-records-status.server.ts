import { getTenantDb } from '../modules/db/tenant-db.server'
import { pollRecordsStatus } from '../modules/delivery/poll-records-status.server'
import { getTownConnector } from '../modules/delivery/town-records-config.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { pollRecordsStatusJob } from '../modules/delivery/delivery-jobs'
import { townOrigin } from '../modules/tenancy/town-origin.server'

/** Reads the status of open submissions from a records system that sends no callbacks (GINIS). */
export const pollRecordsStatusJobHandler = defineJobHandler(pollRecordsStatusJob, async (_payload, { tenant }) => {
	const db = getTenantDb(tenant)
	const connector = await getTownConnector(db, tenant.slug)
	if (!connector?.poll) return { skipped: 'the town has no polled records system' }
	return pollRecordsStatus({ db, townSlug: tenant.slug, townOrigin: townOrigin(tenant.primaryHost), connector })
})
