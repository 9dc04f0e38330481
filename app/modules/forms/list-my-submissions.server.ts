import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

export const SUBMISSIONS_PAGE_SIZE = 20

/** The citizen's submissions, newest first, a page at a time; CASL keeps it to their own. */
export async function listMySubmissions({ db, ability, personId, page }: { db: TenantDb; ability: AppAbility; personId: string; page: number }) {
	const where = { AND: [accessibleWhere(ability, 'read', 'Submission'), { personId }] }
	const [total, rows] = await Promise.all([
		db.submission.count({ where }),
		db.submission.findMany({
			where,
			orderBy: { submittedAt: 'desc' },
			skip: (page - 1) * SUBMISSIONS_PAGE_SIZE,
			take: SUBMISSIONS_PAGE_SIZE,
			select: { number: true, status: true, submittedAt: true, referenceNumber: true, formVersion: { select: { form: { select: { title: true } } } } },
		}),
	])
	const drafts = await db.submissionDraft.findMany({
		where: { AND: [accessibleWhere(ability, 'read', 'SubmissionDraft'), { personId }] },
		orderBy: { updatedAt: 'desc' },
		take: 20,
		select: { updatedAt: true, formVersion: { select: { form: { select: { code: true, title: true, isActive: true } } } } },
	})
	return {
		total,
		pageCount: Math.max(1, Math.ceil(total / SUBMISSIONS_PAGE_SIZE)),
		submissions: rows.map(({ formVersion, ...row }) => ({ ...row, formTitle: formVersion.form.title })),
		drafts: drafts
			.filter((draft) => draft.formVersion.form.isActive)
			.map((draft) => ({ code: draft.formVersion.form.code, title: draft.formVersion.form.title, updatedAt: draft.updatedAt })),
	}
}
