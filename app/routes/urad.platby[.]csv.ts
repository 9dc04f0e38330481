import type { LoaderFunctionArgs } from '@remix-run/node'
import { recordAudit } from '~/modules/audit/record-audit.server'
import { paymentsCsv } from '~/modules/payments/list-payments.server'
import { readPaymentFilters } from '~/modules/payments/payment-filters'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { csvResponse } from '~/modules/util/csv-response.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.payments')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'Payment', { request, context })
	const filters = readPaymentFilters(new URL(request.url))
	await recordAudit(user.db, {
		action: 'payments.exported',
		staffId: user.me.id,
		details: JSON.parse(JSON.stringify(filters)) as Record<string, string | number>,
		...requestMeta(context),
	})
	const chunks = paymentsCsv({ db: user.db, ability: user.ability, filters, locale: page.locale })
	return csvResponse(chunks, 'platby.csv')
}
