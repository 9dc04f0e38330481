import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportGrantPayouts } from '~/modules/grants/payouts.server'
import { requireGrantsStaff } from '~/modules/grants/office-grants-guard.server'
import { requestMeta } from '~/modules/staff/office-request.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// Signed contracts to pay, for the town's accounting; the export itself is audited.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const { user } = await requireGrantsStaff(request, context)
	await requirePermission(user, 'export', 'GrantApplication', { request, context })
	const csv = await exportGrantPayouts({ db: user.db, staffId: user.actor.staffUserId, meta: requestMeta(context) })
	return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="dotace-vyplaty.csv"' } })
}
