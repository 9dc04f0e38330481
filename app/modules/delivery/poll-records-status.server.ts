import type { TenantDb } from '../db/tenant-db.server'
import { applyStatusUpdate } from './apply-status-update.server'
import type { RecordsConnector } from './connector'

/**
 * For connectors without callbacks (GINIS): asks the records system about every delivered submission
 * that is not finished yet and applies what changed. Polled states carry stable event ids, so an
 * unchanged state is a duplicate and changes nothing.
 */
export async function pollRecordsStatus({
	db,
	townSlug,
	townOrigin,
	connector,
	limit = 200,
}: {
	db: TenantDb
	townSlug: string
	townOrigin: string
	connector: RecordsConnector
	limit?: number
}) {
	if (!connector.poll) return { polled: 0, applied: 0 }
	const open = await db.deliveryOutbox.findMany({
		where: { state: 'delivered', externalId: { not: null }, submission: { status: { notIn: ['resolved', 'rejected'] } } },
		orderBy: { updatedAt: 'asc' },
		take: limit,
		select: { submissionId: true, externalId: true },
	})
	let applied = 0
	for (const row of open) {
		for (const update of await connector.poll({ submissionId: row.submissionId, externalId: row.externalId! })) {
			// Delivery already put "delivered" (with the reference number) on the timeline.
			if (update.status === 'delivered') continue
			if ((await applyStatusUpdate({ db, townSlug, townOrigin, update })).result === 'applied') applied++
		}
	}
	return { polled: open.length, applied }
}
