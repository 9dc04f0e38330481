import type { AppLoadContext } from '@remix-run/node'
import { requirePermission } from '../staff/require-permission.server'
import { requireGrantsStaff } from './office-grants-guard.server'

/** The programme editor: grants admins only (CASL manage GrantProgramme); a refusal is audited, 403. */
export async function requireProgrammeAdmin(request: Request, context: AppLoadContext) {
	const guard = await requireGrantsStaff(request, context)
	await requirePermission(guard.user, 'manage', 'GrantProgramme', { request, context })
	return guard
}
