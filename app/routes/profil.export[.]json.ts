import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { collectPersonData } from '~/modules/citizen/collect-person-data.server'

// GDPR access (art. 15): everything the portal holds about the citizen, machine-readable.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const exported = await collectPersonData({
		db: user.db,
		ability: user.ability,
		personId: user.actor.personId,
		format: 'json',
		requestId: context.portal.requestId,
	})
	return new Response(JSON.stringify({ town: user.tenant.slug, ...exported }, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="osobni-udaje-${user.tenant.slug}.json"`,
			'Cache-Control': 'no-store',
		},
	})
}
