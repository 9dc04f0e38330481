import type { LoaderFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { AWARDED_GRANT_COLUMNS, listAwardedGrants } from '~/modules/grants/awarded-grants-dataset.server'
import { toCsv } from '~/modules/open-data/csv'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The whole awarded grants dataset (open data), capped at 10 000 rows per download.
export async function loader({ context }: LoaderFunctionArgs) {
	const { rows } = await listAwardedGrants({ db: getTenantDb(requireTenant(context)), pageSize: 10_000 })
	return new Response(toCsv(AWARDED_GRANT_COLUMNS, rows), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="poskytnute-dotace.csv"' },
	})
}
