import { z } from 'zod'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { PUBLISHABLE } from './statistics-figures'

export const PublishedStatisticsSchema = z.object({
	intent: z.literal('publish'),
	// Checkboxes: absent when none is ticked (the town then publishes nothing).
	published: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(PUBLISHABLE))),
})

/** Sets which figures /statistiky shows; the change (before and after) goes to the audit log. */
export async function updatePublishedStatistics({
	db,
	published,
	by,
	ip = null,
	requestId = null,
}: {
	db: TenantDb
	published: string[]
	by: string
	ip?: string | null
	requestId?: string | null
}) {
	const ordered = PUBLISHABLE.filter((key) => published.includes(key))
	await db.$transaction(async (tx) => {
		const before = await tx.townSettings.findUniqueOrThrow({ where: { id: 1 }, select: { publishedStatistics: true } })
		await tx.townSettings.update({ where: { id: 1 }, data: { publishedStatistics: ordered } })
		await recordAudit(tx, {
			action: 'statistics.published_changed',
			staffId: by,
			subject: 'TownSettings',
			details: { before: before.publishedStatistics, after: ordered },
			ip,
			requestId,
		})
	})
	return ordered
}
