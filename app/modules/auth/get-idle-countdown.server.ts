const TOUCH_AFTER_MS = 60 * 1000 // as in session.server.ts

/**
 * How long until a session ends for inactivity, for the idle warning (office and citizen pages alike).
 * `session` is what getSession returned for this request. getSession moves last_seen_at only once a
 * minute, so the real deadline can be up to a minute earlier than "now + idle"; this counts from the
 * deadline the database enforces. `loadedAt` tells the browser the countdown is a new one.
 */
export function getIdleCountdown({
	session,
	idleMinutes,
	now = Date.now(),
}: {
	session: { lastSeenAt: Date; expiresAt: Date }
	idleMinutes: number
	now?: number
}) {
	const lastSeen = now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS ? now : session.lastSeenAt.getTime()
	const deadline = Math.min(lastSeen + idleMinutes * 60_000, session.expiresAt.getTime())
	return { idleMsLeft: Math.max(0, deadline - now), loadedAt: new Date(now).toISOString() }
}
