// The one clock of the app: every tick, for every active town, each schedule row whose interval has
// passed asks its due rule and, when the town has work, starts its job. The table itself is
// app/jobs/schedule.server.ts; this file only runs it (docs/decisions/018). Running it in several
// processes is harmless: every scheduled job is idempotent and cheap when nothing is due.
import type { Logger } from 'pino'
import { getPlatformDb } from '../db/platform-db.server'
import { getTenantDb, type TenantDb } from '../db/tenant-db.server'
import type { AnyJobContract } from './define-job'
import { enqueueJob } from './enqueue.server'

export type ScheduleContext = { db: TenantDb; tenant: { id: string; slug: string }; now: Date }

export type ScheduleRow = TownScheduleRow | PlatformScheduleRow

/**
 * Work for all towns at once, started once per pass (not once per town): e.g. the vendor console's
 * health rows, refreshed in one batch (decision 024). `run` must be safe in several processes.
 */
export type PlatformScheduleRow = { name: string; everyMs: number; run: (context: { now: Date; log: Logger }) => Promise<unknown> }

export type TownScheduleRow = {
	job: AnyJobContract
	/** How often the row is looked at; 0: at every tick. The first tick looks at every row. */
	everyMs: number
	/** Whether the town has work for the job now; without one, always. */
	due?: (context: ScheduleContext) => Promise<boolean>
	/** How the job is started; without one, enqueueJob(job, { tenantSlug }). */
	start?: (context: ScheduleContext) => Promise<unknown>
}

/** One pass over the active towns for the given rows. */
export async function runScheduleOnce({ rows, log, now = new Date() }: { rows: readonly ScheduleRow[]; log: Logger; now?: Date }) {
	if (rows.length === 0) return
	for (const row of rows) {
		if (!('run' in row)) continue
		// Not awaited: a batch over every town must not hold up the towns' own rows (deliveries run every tick).
		void row
			.run({ now, log })
			.catch((error: unknown) => log.warn({ err: error, job: row.name }, 'scheduler: platform job failed; trying again at its next turn'))
	}
	const townRows = rows.filter((row): row is TownScheduleRow => 'job' in row)
	if (townRows.length === 0) return
	const tenants = await getPlatformDb().tenant.findMany({ where: { status: 'active' }, select: { id: true, slug: true } })
	for (const tenant of tenants) {
		const context: ScheduleContext = { db: getTenantDb(tenant), tenant, now }
		for (const row of townRows) {
			try {
				if (row.due && !(await row.due(context))) continue
				if (row.start) await row.start(context)
				else await enqueueJob(row.job, { tenantSlug: tenant.slug })
			} catch (error) {
				log.warn({ err: error, tenant: tenant.slug, job: row.job.name }, 'scheduler skipped a job of a town')
			}
		}
	}
}

/** Runs the schedule every tickMs (default 30 s) in a process that works jobs; returns a stop function. */
export function startScheduler({ rows, log, tickMs = 30_000 }: { rows: readonly ScheduleRow[]; log: Logger; tickMs?: number }) {
	const lastRun = new Map<ScheduleRow, number>()
	let running = false
	const tick = async () => {
		if (running) return
		running = true
		const now = Date.now()
		const dueRows = rows.filter((row) => !lastRun.has(row) || now - (lastRun.get(row) ?? 0) >= row.everyMs)
		for (const row of dueRows) lastRun.set(row, now)
		await runScheduleOnce({ rows: dueRows, log, now: new Date(now) })
			.catch((error: unknown) => log.warn({ err: error }, 'scheduler pass failed; trying again at the next tick'))
			.finally(() => (running = false))
	}
	const timer = setInterval(() => void tick(), tickMs)
	timer.unref()
	void tick()
	return () => clearInterval(timer)
}
