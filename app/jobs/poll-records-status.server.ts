import { getTenantDb } from '../modules/db/tenant-db.server'
import { pollRecordsStatus } from '../modules/delivery/poll-records-status.server'
import { getTownConnector } from '../modules/delivery/town-records-config.server'
import { defineJob, TenantJobSchema } from '../modules/jobs/define-job'
import { townOrigin } from '../modules/tenancy/town-origin.server'

/** Reads the status of open submissions from a records system that sends no callbacks (GINIS). */
export const pollRecordsStatusJob = defineJob({
	name: 'poll-records-status',
	schema: TenantJobSchema,
	retry: { limit: 0 },
	batchSize: 1,
	expireInSeconds: 15 * 60,
	async handle(_payload, { tenant }) {
		const db = getTenantDb(tenant)
		const connector = await getTownConnector(db, tenant.slug)
		if (!connector?.poll) return { skipped: 'the town has no polled records system' }
		return pollRecordsStatus({ db, townSlug: tenant.slug, townOrigin: townOrigin(tenant.primaryHost), connector })
	},
})
