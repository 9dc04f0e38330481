import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

/**
 * One thread the ability may read, with its messages. A citizen (`forCitizen`) never receives the
 * office's internal notes, nor the clerk's name beyond what the office signs with.
 */
export async function getThread({ db, ability, id, forCitizen }: { db: TenantDb; ability: AppAbility; id: string; forCitizen: boolean }) {
	return db.messageThread.findFirst({
		where: { AND: [accessibleWhere(ability, 'read', 'MessageThread'), { id }] },
		select: {
			id: true,
			topic: true,
			subject: true,
			state: true,
			personId: true,
			waitingSince: true,
			createdAt: true,
			assignedStaffId: true,
			assignedStaff: { select: { name: true } },
			person: { select: { givenName: true, familyName: true } },
			submission: { select: { id: true, number: true, status: true } },
			messages: {
				where: forCitizen ? { isInternal: false } : {},
				orderBy: { createdAt: 'asc' },
				select: {
					id: true,
					author: true,
					authorName: true,
					body: true,
					isInternal: true,
					createdAt: true,
					attachments: { select: { id: true, fileName: true, size: true } },
				},
			},
		},
	})
}

export type ThreadDetail = NonNullable<Awaited<ReturnType<typeof getThread>>>
