import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getMySubmission } from '~/modules/forms/get-my-submission.server'
import { renderSubmissionPdf } from '~/modules/forms/render-submission-pdf.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'

// The citizen's confirmation of a submission: everything they filed, as PDF.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const submission = await getMySubmission({ db: user.db, ability: user.ability, number: params.number ?? '' })
	if (!submission) throw data(null, { status: 404 })
	const pdf = await renderSubmissionPdf({ locale, townName: profile.name, submission: { ...submission, person: submission.person } })
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="podani-${submission.number}.pdf"`,
			'Cache-Control': 'no-store',
		},
	})
}
