import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { grantApplicationPdf } from '~/modules/grants/application-pdf.server'
import { requireGrantsStaff } from '~/modules/grants/office-grants-guard.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'

/** The application's confirmation for the grants clerk (update right; evaluators and auditors get 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { user, page } = await requireGrantsStaff(request, context)
	const profile = await requireTownProfile(context)
	const result = await grantApplicationPdf({
		db: user.db,
		ability: user.ability,
		profile,
		locale: page.locale,
		applicationId: params.id ?? '',
		right: 'update',
	})
	if (!result) throw data(null, { status: 404 })
	return new Response(new Uint8Array(result.pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `inline; filename="zadost-${result.number}.pdf"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
