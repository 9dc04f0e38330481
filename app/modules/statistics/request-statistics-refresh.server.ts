import { refreshStatisticsJob } from './statistics-jobs'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { enqueueJob } from '../jobs/enqueue.server'

type Options = { db: TenantDb; tenantSlug: string; by?: string | null; ip?: string | null; requestId?: string | null }

// A refresh queued or running for longer than the job's expiry no longer counts as under way.
const STALE_MS = 11 * 60_000

/** Whether a refresh is queued or running (and not stale). */
export async function isRefreshUnderWay(db: TenantDb) {
	const state = await db.statisticRefresh.findUnique({ where: { id: 1 }, select: { status: true, requestedAt: true, startedAt: true } })
	if (!state || (state.status !== 'queued' && state.status !== 'running')) return false
	const since = (state.status === 'running' ? state.startedAt : state.requestedAt) ?? new Date(0)
	return Date.now() - since.getTime() < STALE_MS
}

/**
 * Queues a statistics refresh for the town, unless one is already under way (then nothing changes
 * and false is returned). `by` is the member of staff who asked (audited); null for the hourly sweep.
 */
export async function requestStatisticsRefresh({ db, tenantSlug, by = null, ip = null, requestId = null }: Options) {
	if (await isRefreshUnderWay(db)) return false
	const now = new Date()
	await db.statisticRefresh.upsert({
		where: { id: 1 },
		create: { status: 'queued', requestedAt: now, requestedBy: by, step: 0, steps: 0 },
		update: { status: 'queued', requestedAt: now, requestedBy: by, step: 0, error: null },
	})
	if (by) await recordAudit(db, { action: 'statistics.refresh_requested', staffId: by, subject: 'StatisticRefresh', ip, requestId })
	await enqueueJob(refreshStatisticsJob, { tenantSlug })
	return true
}

/** For the hourly sweep: a refresh is due when the figures are older than an hour (or were never computed). */
export async function isStatisticsRefreshDue(db: TenantDb, now = new Date()) {
	const state = await db.statisticRefresh.findUnique({ where: { id: 1 }, select: { refreshedAt: true } })
	return !state?.refreshedAt || now.getTime() - state.refreshedAt.getTime() >= 55 * 60_000
}
