import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The town's coat of arms from its settings. The URL carries a version, so it can be cached long.
export async function loader({ context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const settings = await getTenantDb(tenant).townSettings.findUnique({ where: { id: 1 }, select: { logo: true, logoType: true } })
	if (!settings?.logo || !settings.logoType) throw data(null, { status: 404 })
	return new Response(Buffer.from(settings.logo), {
		headers: {
			'Content-Type': settings.logoType,
			'Cache-Control': 'public, max-age=86400',
			// An SVG opened on its own must not run anything.
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
