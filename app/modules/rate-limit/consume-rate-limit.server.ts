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
type Options = {
	db: TenantDb
	rule: RateLimit
	ip: string | null | undefined
	/** Counts something other than the client, e.g. one variable symbol whoever asks; replaces the IP. */
	subject?: string
	now?: Date
}

function windowOf({ rule, ip, subject, now }: Pick<Options, 'rule' | 'ip' | 'subject'> & { now: Date }) {
	const windowStart = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs
	return { key: `${rule.scope}:${subject ?? clientKeyOf(ip)}:${windowStart}`, expiresAt: new Date(windowStart + rule.windowMs) }
}

export async function consumeRateLimit({ db, rule, ip, subject, now = new Date() }: Options): Promise<RateLimitResult> {
	const { key, expiresAt } = windowOf({ rule, ip, subject, now })
	const { hits } = await db.rateLimit.upsert({
		where: { key },
		create: { key, hits: 1, expiresAt },
		update: { hits: { increment: 1 } },
		select: { hits: true },
	})
	if (hits === 1) await db.rateLimit.deleteMany({ where: { expiresAt: { lte: now } } })
	if (hits <= rule.limit) return { isAllowed: true }
	return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000)) }
}

/** Whether this client (or subject) is already over the limit in this window, without counting a request. */
export async function peekRateLimit({ db, rule, ip, subject, now = new Date() }: Options): Promise<RateLimitResult> {
	const { key, expiresAt } = windowOf({ rule, ip, subject, now })
	const row = await db.rateLimit.findUnique({ where: { key }, select: { hits: true } })
	if (!row || row.hits < rule.limit) return { isAllowed: true }
	return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000)) }
}
