import type { LoaderFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { awardedGrantsJson, listAwardedGrants } from '~/modules/grants/awarded-grants-dataset.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

export async function loader({ context }: LoaderFunctionArgs) {
	const { rows } = await listAwardedGrants({ db: getTenantDb(requireTenant(context)), pageSize: 10_000 })
	return new Response(`${JSON.stringify(awardedGrantsJson(rows), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
