import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { mopUpPaymentsJob } from '../modules/payments/payments-jobs'
import { mopUpPayments } from '../modules/payments/mop-up-payments.server'
import { townOrigin } from '../modules/tenancy/town-origin.server'

/** Settles or expires the town's card payments left pending (app/modules/payments/mop-up-payments.server.ts). */
export const mopUpPaymentsJobHandler = defineJobHandler(mopUpPaymentsJob, async (_payload, { tenant }) => {
	const db = getTenantDb(tenant)
	return mopUpPayments({ db, town: { slug: tenant.slug, origin: townOrigin(tenant.primaryHost) } })
})
