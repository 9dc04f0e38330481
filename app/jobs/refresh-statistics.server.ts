import { getPool } from '../modules/db/pool.server'
import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { refreshStatisticsJob } from '../modules/statistics/statistics-jobs'
import { refreshStatistics } from '../modules/statistics/refresh-statistics.server'

/** Recomputes the town's statistic_month rows (decision 017): hourly from the sweeper, or "refresh now" in the office. */
export const refreshStatisticsJobHandler = defineJobHandler(refreshStatisticsJob, async (_payload, { tenant }) => {
	const db = getTenantDb(tenant)
	await db.statisticRefresh.upsert({
		where: { id: 1 },
		create: { status: 'running', startedAt: new Date(), step: 0 },
		update: { status: 'running', startedAt: new Date(), step: 0, error: null },
	})
	try {
		return await refreshStatistics({
			pool: getPool(),
			slug: tenant.slug,
			onStep: async (step, steps) => {
				await db.statisticRefresh.update({ where: { id: 1 }, data: { step, steps } })
			},
		})
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error)
		await db.statisticRefresh.update({ where: { id: 1 }, data: { status: 'failed', error: message.slice(0, 500), finishedAt: new Date() } })
		throw error
	}
})
