import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { grantApplicationPdf } from '~/modules/grants/application-pdf.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'

/** The applicant's confirmation of their filed application (their own only; a draft has none). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const result = await grantApplicationPdf({ db: user.db, ability: user.ability, profile, locale, applicationId: params.id ?? '', right: 'read' })
	if (!result) throw data(null, { status: 404 })
	return new Response(new Uint8Array(result.pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `inline; filename="zadost-${result.number}.pdf"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
