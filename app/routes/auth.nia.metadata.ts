import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { buildSpMetadata } from '~/modules/nia/build-sp-metadata.server'
import { getNiaConfig } from '~/modules/nia/get-nia-config.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The town's SeP metadata, for the registration at NIA (and NIA's pick-up of certificate rollovers).
export async function loader({ context }: LoaderFunctionArgs) {
	const config = await getNiaConfig(requireTenant(context))
	if (!config) throw data(null, { status: 404 })
	return new Response(buildSpMetadata(config), {
		headers: { 'Content-Type': 'application/samlmetadata+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
	})
}
