import type { AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { loadClaimsArea, splitClaims } from './load-claims-area.server'
import { loadGrantsArea } from './load-grants-area.server'
import { loadMessagesArea } from './load-messages-area.server'
import { loadNotificationsArea } from './load-notifications-area.server'
import { loadQrPaymentsArea } from './load-qr-payments-area.server'
import { loadRepresentedArea } from './load-represented-area.server'
import { loadSubmissionsArea } from './load-submissions-area.server'

/**
 * Everything "Můj přehled" shows, every area loaded at once (one round of queries each, all areas
 * side by side). Messages, notifications and grant applications belong to the signed-in account:
 * a represented resident's own account (if any) keeps theirs, so what the citizen sees for the
 * people they represent is money (claims of the residents) and the grant applications the citizen
 * filed for someone else (named by `applicant`), decision 028.
 */
export async function loadMyOverview({ db, ability, personId, now = new Date() }: { db: TenantDb; ability: AppAbility; personId: string; now?: Date }) {
	const context = { db, ability, personId, now }
	const [represented, claims, qrPayments, submissions, messages, notifications, grants] = await Promise.all([
		loadRepresentedArea(context),
		loadClaimsArea(context),
		loadQrPaymentsArea(context),
		loadSubmissionsArea(context),
		loadMessagesArea(context),
		loadNotificationsArea(context),
		loadGrantsArea(context),
	])
	return {
		money: { ...splitClaims(claims.claims, new Set(represented.map((r) => r.residentId))), isPartial: claims.isPartial },
		qrPayments,
		submissions,
		messages,
		notifications,
		grants,
		represented,
	}
}
