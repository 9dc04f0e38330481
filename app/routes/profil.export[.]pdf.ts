import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getCitizenTexts } from '~/modules/citizen/citizen-texts.server'
import { collectPersonData } from '~/modules/citizen/collect-person-data.server'
import { renderPersonDataPdf } from '~/modules/citizen/render-person-data-pdf.server'
import { pickText } from '~/modules/i18n/locales'

// GDPR access (art. 15): the same data as export.json, as a readable PDF in the citizen's language.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const { locale, profile } = await getCitizenTexts(request, context)
	const exported = await collectPersonData({
		db: user.db,
		ability: user.ability,
		personId: user.actor.personId,
		format: 'pdf',
		requestId: context.portal.requestId,
	})
	const pdf = await renderPersonDataPdf({ data: exported, locale, townName: pickText(profile.name, locale) })
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="osobni-udaje-${user.tenant.slug}.pdf"`,
			'Cache-Control': 'no-store',
		},
	})
}
