import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { findContractPdf } from '~/modules/grants/find-contract-pdf.server'
import { requireGrantsStaff } from '~/modules/grants/office-grants-guard.server'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { user } = await requireGrantsStaff(request, context)
	const contract = await findContractPdf({ db: user.db, ability: user.ability, applicationId: params.id ?? '' })
	if (!contract) throw data(null, { status: 404 })
	return new Response(Buffer.from(contract.pdf), {
		headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="smlouva-${contract.number}.pdf"` },
	})
}
