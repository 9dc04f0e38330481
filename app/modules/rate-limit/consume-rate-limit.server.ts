import type { TenantDb } from '../db/tenant-db.server'
import { clientKeyOf } from './client-key'

export type RateLimit = {
	/** What is limited, e.g. 'nia_login'. */
	scope: string
	/** How many requests one client may make in one window. */
	limit: number
	windowMs: number
}

export type RateLimitResult = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number }

/**
 * Counts one request of this client against a fixed-window limit kept in the town's rate_limit table,
 * so that every app process sees the same count (an upsert that increments: INSERT … ON CONFLICT, one
 * statement, no lost updates between processes). Windows that have passed are deleted when a new one
 * starts, so the table holds at most one row per active client and scope.
 */
export async function consumeRateLimit({ db, rule, ip, now = new Date() }: { db: TenantDb; rule: RateLimit; ip: string | null | undefined; now?: Date }): Promise<RateLimitResult> {
	const windowStart = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs
	const expiresAt = new Date(windowStart + rule.windowMs)
	const key = `${rule.scope}:${clientKeyOf(ip)}:${windowStart}`
	const { hits } = await db.rateLimit.upsert({ where: { key }, create: { key, hits: 1, expiresAt }, update: { hits: { increment: 1 } }, select: { hits: true } })
	if (hits === 1) await db.rateLimit.deleteMany({ where: { expiresAt: { lte: now } } })
	if (hits <= rule.limit) return { isAllowed: true }
	return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000)) }
}
