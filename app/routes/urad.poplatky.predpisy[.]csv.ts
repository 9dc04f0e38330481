import type { LoaderFunctionArgs } from '@remix-run/node'
import { recordAudit } from '~/modules/audit/record-audit.server'
import { readClaimFilters } from '~/modules/claims/claim-filters'
import { claimsCsv } from '~/modules/claims/claims-csv.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { csvResponse } from '~/modules/util/csv-response.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.claims')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'Claim', { request, context })
	const filters = readClaimFilters(new URL(request.url))
	await recordAudit(user.db, {
		action: 'claims.exported',
		staffId: user.me.id,
		details: JSON.parse(JSON.stringify(filters)) as Record<string, string | number>,
		...requestMeta(context),
	})
	const chunks = claimsCsv({ db: user.db, ability: user.ability, filters, locale: page.locale })
	return csvResponse(chunks, 'predpisy.csv')
}
