import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { accessibleWhere } from '~/modules/access/ability.server'
import { requireGrantsStaff } from '~/modules/grants/office-grants-guard.server'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { user } = await requireGrantsStaff(request, context)
	const contract = await user.db.grantContract.findFirst({
		where: { applicationId: params.id ?? '', application: { AND: [accessibleWhere(user.ability, 'update', 'GrantApplication')] } },
		select: { number: true, pdf: true },
	})
	if (!contract) throw data(null, { status: 404 })
	return new Response(Buffer.from(contract.pdf), { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="smlouva-${contract.number}.pdf"` } })
}
