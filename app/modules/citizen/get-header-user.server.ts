import type { AppLoadContext } from '@remix-run/node'
import { getCurrentUser } from '../auth/current-user.server'
import { getIdleCountdown } from '../auth/get-idle-countdown.server'
import { UNREAD } from '../notifications/notify.server'
import { requireTownProfile } from '../tenancy/require-town.server'

/**
 * What the town header shows about who is logged in: a citizen's name and how long until the session
 * ends for inactivity (for the idle warning), or null (anonymous).
 */
export async function getHeaderUser(
	request: Request,
	context: AppLoadContext,
): Promise<{ name: string; unreadNotifications: number; idleMsLeft: number; loadedAt: string } | null> {
	const user = await getCurrentUser(request, context)
	if (user.actor.kind !== 'citizen' || !user.session) return null
	// The name and the unread count in one statement (a correlated count): the header is on every page.
	const [person, profile] = await Promise.all([
		user.db.person.findUnique({
			where: { id: user.actor.personId },
			select: { givenName: true, familyName: true, _count: { select: { notifications: { where: UNREAD } } } },
		}),
		requireTownProfile(context),
	])
	if (!person) return null
	return {
		name: `${person.givenName} ${person.familyName}`.trim(),
		unreadNotifications: person._count.notifications,
		...getIdleCountdown({ session: user.session, idleMinutes: profile.sessionIdleMinutes }),
	}
}
