import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { loadTownLogo } from '~/modules/theming/load-town-logo.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The town's coat of arms from its settings. The URL carries a version, so it can be cached long.
export async function loader({ context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const logo = await loadTownLogo(getTenantDb(tenant))
	if (!logo) throw data(null, { status: 404 })
	return new Response(Buffer.from(logo.bytes), {
		headers: {
			'Content-Type': logo.type,
			'Cache-Control': 'public, max-age=86400',
			// An SVG opened on its own must not run anything.
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
