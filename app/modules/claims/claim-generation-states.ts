// A claim generation run's lifecycle (claim_generation_run.status, CHECK claim_generation_run_status):
// queued by the office's button, running in the generate-claims job, then done or failed for good.
import type { Prisma } from '../../generated/tenant/client'
import { assertMoved, statesLeadingTo, type TransitionTable } from '../util/state-table'

export const CLAIM_GENERATION_STATES = ['queued', 'running', 'done', 'failed'] as const
export type ClaimGenerationState = (typeof CLAIM_GENERATION_STATES)[number]

export const CLAIM_GENERATION_TRANSITIONS: TransitionTable<ClaimGenerationState> = {
	queued: ['running', 'failed'],
	running: ['done', 'failed'],
	done: [],
	failed: [],
}

/** Runs that still block a new request (while not stale). */
export const OPEN_CLAIM_GENERATION_STATES = ['queued', 'running'] as const satisfies readonly ClaimGenerationState[]

type RunUpdate = Omit<Prisma.ClaimGenerationRunUpdateManyMutationInput, 'status'>

export async function moveClaimGenerationRun(
	db: Pick<Prisma.TransactionClient, 'claimGenerationRun'>,
	{ runId, to, data = {} }: { runId: string; to: Exclude<ClaimGenerationState, 'queued'>; data?: RunUpdate },
) {
	const moved = await db.claimGenerationRun.updateMany({
		where: { id: runId, status: { in: statesLeadingTo(CLAIM_GENERATION_TRANSITIONS, to) } },
		data: { ...data, status: to },
	})
	assertMoved(moved.count, `Claim generation run ${runId}`, to)
}
