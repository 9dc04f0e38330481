import type { AppLoadContext } from '@remix-run/node'
import { officePage } from '../staff/office-request.server'
import { requireOfficeStaff } from '../staff/require-office-staff.server'
import { requirePermission } from '../staff/require-permission.server'
import { resources } from '../i18n/resources.server'
import { syncBoardStates } from './sync-board-states.server'

/** A clerk of the board agenda (manage BoardDocument), with the board's states brought up to the calendar. */
export async function requireBoardClerk(request: Request, context: AppLoadContext) {
	const page = await officePage(request, context, 'nav.board')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'manage', 'BoardDocument', { request, context })
	await syncBoardStates({ db: user.db })
	return { page, user, t: resources[page.locale].board }
}
