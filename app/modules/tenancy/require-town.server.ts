import { data, type AppLoadContext } from '@remix-run/node'
import { isDatabaseUnavailable } from '../db/is-database-unavailable'
import { getTownProfile } from './town-profile.server'

/** The town this request is for, or a 404 on the platform host. */
export function requireTenant(context: AppLoadContext) {
	if (context.portal?.kind !== 'tenant') throw data(null, { status: 404 })
	return context.portal.tenant
}

/** The town's profile; a 503 (not a 500) when the database is unreachable. */
export async function requireTownProfile(context: AppLoadContext) {
	const tenant = requireTenant(context)
	try {
		return await getTownProfile(tenant)
	} catch (error) {
		if (isDatabaseUnavailable(error)) throw data(null, { status: 503 })
		throw error
	}
}
