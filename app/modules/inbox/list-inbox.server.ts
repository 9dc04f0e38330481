import type { Prisma } from '../../generated/tenant/client'
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { InboxFilter } from './inbox-filter-schema'

export const INBOX_PAGE_SIZE = 25

/** The where clause for the inbox: the agendas CASL allows, then the clerk's filters. */
export function inboxWhere(ability: AppAbility, filter: InboxFilter): Prisma.SubmissionWhereInput {
	const and: Prisma.SubmissionWhereInput[] = [accessibleWhere(ability, 'read', 'Submission')]
	if (filter.form) and.push({ formVersion: { form: { code: filter.form } } })
	if (filter.status) and.push({ status: filter.status })
	if (filter.assignee === 'none') and.push({ assignedStaffId: null })
	else if (filter.assignee) and.push({ assignedStaffId: filter.assignee })
	if (filter.from) and.push({ submittedAt: { gte: filter.from } })
	if (filter.to) and.push({ submittedAt: { lt: new Date(filter.to.getTime() + 86_400_000) } })
	if (filter.q) {
		const words = filter.q.split(/\s+/).filter(Boolean)
		and.push({
			OR: [
				{ number: { contains: filter.q, mode: 'insensitive' } },
				{ referenceNumber: { contains: filter.q, mode: 'insensitive' } },
				{
					AND: words.map((word) => ({
						person: { OR: [{ givenName: { contains: word, mode: 'insensitive' as const } }, { familyName: { contains: word, mode: 'insensitive' as const } }] },
					})),
				},
			],
		})
	}
	return { AND: and }
}

const SELECT = {
	id: true,
	number: true,
	status: true,
	agenda: true,
	submittedAt: true,
	referenceNumber: true,
	assigneeName: true,
	assigneeDepartment: true,
	formVersion: { select: { version: true, form: { select: { code: true, title: true } } } },
	person: { select: { givenName: true, familyName: true } },
	assignedStaff: { select: { id: true, name: true } },
} satisfies Prisma.SubmissionSelect

/** One page of the submissions the ability may read, newest first. */
export async function listInbox({ db, ability, filter, page }: { db: TenantDb; ability: AppAbility; filter: InboxFilter; page: number }) {
	const where = inboxWhere(ability, filter)
	const total = await db.submission.count({ where })
	const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE))
	const current = Math.min(page, pages)
	const rows = await db.submission.findMany({
		where,
		orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
		skip: (current - 1) * INBOX_PAGE_SIZE,
		take: INBOX_PAGE_SIZE,
		select: SELECT,
	})
	return { rows, total, pages, page: current }
}

/** Every matching row for the CSV export, in pages so a large agenda does not load at once. */
export async function* inboxRowsForExport({ db, ability, filter }: { db: TenantDb; ability: AppAbility; filter: InboxFilter }) {
	const where = { AND: [inboxWhere(ability, filter), accessibleWhere(ability, 'export', 'Submission')] }
	for (let skip = 0; ; skip += 500) {
		const rows = await db.submission.findMany({ where, orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }], skip, take: 500, select: SELECT })
		yield* rows
		if (rows.length < 500) return
	}
}
