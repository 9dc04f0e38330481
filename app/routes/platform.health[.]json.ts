import { type LoaderFunctionArgs } from '@remix-run/node'
import { requirePlatformHost } from '~/modules/platform-auth/require-vendor.server'
import { HEALTH_COLUMNS } from '~/modules/platform-health/health-rules'
import { listAllTownHealth } from '~/modules/platform-health/list-town-health.server'
import { authenticateVendorToken } from '~/modules/platform-health/vendor-tokens.server'

// For the vendor's monitoring: every town's level and per-column verdicts (reason codes with their
// counts and times), behind a vendor token (Authorization: Bearer pvt_…). No citizen's data.
export async function loader({ request, context }: LoaderFunctionArgs) {
	requirePlatformHost(context)
	const headers = { 'Cache-Control': 'no-store' }
	if (!(await authenticateVendorToken(request))) {
		return Response.json({ error: 'unauthorized' }, { status: 401, headers: { ...headers, 'WWW-Authenticate': 'Bearer realm="platform"' } })
	}
	const towns = await listAllTownHealth()
	const counts = { green: 0, amber: 0, red: 0 }
	for (const town of towns) counts[town.level]++
	return Response.json(
		{
			generatedAt: new Date().toISOString(),
			counts,
			towns: towns.map((town) => ({
				slug: town.slug,
				name: town.name,
				status: town.status,
				level: town.level,
				refreshedAt: town.refreshedAt,
				stale: town.stale,
				error: town.error,
				columns: town.verdicts ? Object.fromEntries(HEALTH_COLUMNS.map((column) => [column, town.verdicts![column]])) : null,
			})),
		},
		{ headers },
	)
}
