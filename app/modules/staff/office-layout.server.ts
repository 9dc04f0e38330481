import type { AppLoadContext } from '@remix-run/node'
import { requireTownProfile } from '../tenancy/require-town.server'
import { getStaffSession } from './require-office-staff.server'

const TOUCH_AFTER_MS = 60 * 1000 // as in auth/session.server.ts

/**
 * What the office layout shows around every page: who is signed in, what they may open, and how
 * long until the session ends for inactivity (for the warning). Nothing for a page before sign-in.
 */
export async function getOfficeLayout(request: Request, context: AppLoadContext) {
	const staffSession = await getStaffSession(request, context)
	if (!staffSession?.isComplete) return { staff: null }
	const { session, ability, me } = staffSession
	const profile = await requireTownProfile(context)
	// getSession moves last_seen_at only once a minute, so the real deadline can be up to a minute
	// earlier than "now + idle"; the warning counts from the deadline the database enforces.
	const now = Date.now()
	const lastSeen = now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS ? now : session.lastSeenAt.getTime()
	const deadline = Math.min(lastSeen + profile.sessionIdleMinutes * 60_000, session.expiresAt.getTime())
	return {
		staff: {
			name: me.name,
			canReadStaff: ability.can('read', 'StaffUser'),
			canReadAudit: ability.can('read', 'AuditLog'),
			idleMsLeft: Math.max(0, deadline - now),
			loadedAt: new Date(now).toISOString(),
		},
	}
}
