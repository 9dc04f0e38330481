// A refund's lifecycle (refund.state, CHECK refund_state): requested while the gateway or the bank
// order is under way, then succeeded or failed for good. Written only through moveRefund.
import type { Prisma } from '../../generated/tenant/client'
import { assertMoved, statesLeadingTo, type TransitionTable } from '../util/state-table'

export const REFUND_STATES = ['requested', 'succeeded', 'failed'] as const
export type RefundState = (typeof REFUND_STATES)[number]

export const REFUND_TRANSITIONS: TransitionTable<RefundState> = {
	requested: ['succeeded', 'failed'],
	succeeded: [],
	failed: [],
}

export async function moveRefund(
	tx: Pick<Prisma.TransactionClient, 'refund'>,
	{ refundId, to, providerRefundId, at = new Date() }: { refundId: string; to: Exclude<RefundState, 'requested'>; providerRefundId?: string | null; at?: Date },
) {
	const moved = await tx.refund.updateMany({
		where: { id: refundId, state: { in: statesLeadingTo(REFUND_TRANSITIONS, to) } },
		data: { state: to, finishedAt: at, ...(providerRefundId !== undefined ? { providerRefundId } : {}) },
	})
	assertMoved(moved.count, `Refund ${refundId}`, to)
}
