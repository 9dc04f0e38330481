import { syncBoardStates } from '../modules/board/sync-board-states.server'
import { takeBoardSnapshots } from '../modules/board/take-board-snapshot.server'
import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { boardDailyJob } from '../modules/board/board-jobs'

/**
 * The official board's clock (decision 015): posts planned documents whose day has come, expires
 * those past their last day (both logged as 'clock' transitions) and stores the fingerprint of each
 * finished day not yet fingerprinted. Idempotent: the hourly sweep may start it as often as it likes.
 */
export const boardDailyJobHandler = defineJobHandler(boardDailyJob, async (_payload, { tenant }) => {
	const db = getTenantDb(tenant)
	const states = await syncBoardStates({ db })
	const snapshots = await takeBoardSnapshots({ db })
	return { ...states, ...snapshots }
})
