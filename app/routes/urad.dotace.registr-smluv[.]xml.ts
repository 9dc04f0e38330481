import type { LoaderFunctionArgs } from '@remix-run/node'
import { storedDate } from '~/modules/dates/prague-date'
import { listContractsToPublish } from '~/modules/grants/list-contracts-to-publish.server'
import { registrSmluvMetadata } from '~/modules/grants/legal/registr-smluv'
import { requireGrantsStaff } from '~/modules/grants/office-grants-guard.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// Metadata of signed contracts above 50 000 Kč not yet published in the registr smluv (zákon 340/2015).
export async function loader({ request, context }: LoaderFunctionArgs) {
	const { user, page } = await requireGrantsStaff(request, context)
	await requirePermission(user, 'export', 'GrantApplication', { request, context })
	const { townIco, contracts } = await listContractsToPublish({ db: user.db })
	const xml = registrSmluvMetadata(
		contracts.map((c) => ({
			contractNumber: c.number,
			subject: c.application.purpose,
			signedOn: storedDate(c.signedOn!),
			amountHalere: c.amount,
			town: { name: page.townName, ico: townIco },
			recipient: {
				name: c.application.applicantName,
				...(c.application.applicantIco ? { ico: c.application.applicantIco } : {}),
				naturalPerson: c.application.applicantKind === 'natural',
				...(c.application.municipality ? { municipality: c.application.municipality } : {}),
			},
		})),
	)
	return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': 'attachment; filename="registr-smluv.xml"' } })
}
