import type { AppLoadContext } from '@remix-run/node'
import { asSubject } from '../access/ability.server'
import { resources } from '../i18n/resources.server'
import { officePage } from '../staff/office-request.server'
import { requireOfficeStaff } from '../staff/require-office-staff.server'
import { requirePermission } from '../staff/require-permission.server'

/** Staff who may read grant applications (grants clerks, admins, auditors, evaluators for their own). */
export async function requireGrantsStaff(request: Request, context: AppLoadContext) {
	const page = await officePage(request, context, 'nav.grants')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'GrantApplication', { request, context })
	return { page, user, t: resources[page.locale].grants }
}

/** A write check on one application (CASL with the record, so conditions count); denials audited, 403. */
export async function requireGrantAction(
	user: Awaited<ReturnType<typeof requireGrantsStaff>>['user'],
	action: 'update' | 'manage',
	application: { id: string; personId: string },
	args: { request: Request; context: AppLoadContext },
) {
	await requirePermission(user, action, asSubject('GrantApplication', application as never), { ...args, label: `GrantApplication:${application.id}` })
}
