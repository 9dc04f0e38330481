import type { Prisma } from '../../generated/tenant/client'
import { singleton } from '../util/singleton.server'
import { TENANT_CHANGED_CHANNEL } from './tenant-events.server'

// Per-town answers that many pages ask for and that change only when the town or its office changes
// them (the profile, the card gateways that are on, the announcements on the home page). Each lives
// in this process for TENANT_CACHE_TTL_MS; a change made by any process reaches every process at once
// through the tenant-changed NOTIFY (notifyTownChanged), which drops all of that town's entries.

type Entry = { slug: string; value: Promise<unknown>; expires: number }
type TownRef = { id: string; slug: string }

const state = singleton('town-caches', () => ({ ttlMs: 30_000, entries: new Map<string, Entry>() }))

/** Entries kept at most; past it the memory starts again (a few per town, so 1 000 towns fit many times). */
const MAX_ENTRIES = 20_000

export function setTownCacheTtl(ms: number) {
	state.ttlMs = ms
}

/** Drops what is remembered of one town ('*': of every town). */
export function invalidateTownCaches(slug: string) {
	if (slug === '*') return state.entries.clear()
	for (const [key, entry] of state.entries) if (entry.slug === slug) state.entries.delete(key)
}

/**
 * The remembered answer of `load` for this town and key, or a fresh one. Concurrent requests share
 * one load; a failed load is forgotten at once, so the next request tries again.
 */
export function rememberForTown<T>(town: TownRef, key: string, load: () => Promise<T>): Promise<T> {
	const cacheKey = `${town.id}\u0000${key}`
	const hit = state.entries.get(cacheKey)
	if (hit && hit.expires > Date.now()) return hit.value as Promise<T>
	const value = load()
	if (state.entries.size >= MAX_ENTRIES) state.entries.clear()
	state.entries.set(cacheKey, { slug: town.slug, value, expires: Date.now() + state.ttlMs })
	value.catch(() => {
		if (state.entries.get(cacheKey)?.value === value) state.entries.delete(cacheKey)
	})
	return value
}

/**
 * Tells every process that this town's remembered answers are out of date. Called inside the transaction
 * that makes the change: the NOTIFY is delivered at commit (not at all on rollback), and every process
 * listening, this one included, forgets then. This process also forgets at once, for callers without a
 * listener (tests, the CLI).
 */
export async function notifyTownChanged(db: { $executeRawUnsafe: Prisma.TransactionClient['$executeRawUnsafe'] }, slug: string) {
	invalidateTownCaches(slug)
	await db.$executeRawUnsafe('SELECT pg_notify($1, $2)', TENANT_CHANGED_CHANNEL, slug)
}
