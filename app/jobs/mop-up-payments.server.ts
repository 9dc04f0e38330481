import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJob, TenantJobSchema } from '../modules/jobs/define-job'
import { mopUpPayments } from '../modules/payments/mop-up-payments.server'
import { townOrigin } from '../modules/tenancy/town-origin.server'

/** Settles or expires the town's card payments left pending (app/modules/payments/mop-up-payments.server.ts). */
export const mopUpPaymentsJob = defineJob({
	name: 'mop-up-payments',
	schema: TenantJobSchema,
	retry: { limit: 0 },
	batchSize: 1,
	expireInSeconds: 10 * 60,
	async handle(_payload, { tenant }) {
		const db = getTenantDb(tenant)
		return mopUpPayments({ db, town: { slug: tenant.slug, origin: townOrigin(tenant.primaryHost) } })
	},
})
