import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { ImportSummary } from './import-statement.server'

export const STATEMENTS_PAGE_SIZE = 20

export type StatementRow = {
	id: string
	fileName: string
	format: string
	account: string | null
	createdAt: string
	finishedAt: string | null
	progress: number
	summary: Partial<ImportSummary> & { failed?: boolean }
}

const toRow = (s: {
	id: string
	fileName: string
	format: string
	account: string | null
	createdAt: Date
	finishedAt: Date | null
	progress: number
	summary: unknown
}): StatementRow => ({
	id: s.id,
	fileName: s.fileName,
	format: s.format,
	account: s.account,
	createdAt: s.createdAt.toISOString(),
	finishedAt: s.finishedAt?.toISOString() ?? null,
	progress: s.progress,
	summary: (s.summary ?? {}) as StatementRow['summary'],
})

const select = { id: true, fileName: true, format: true, account: true, createdAt: true, finishedAt: true, progress: true, summary: true } as const

/** Imported statements, newest first. Statements carry no personal data; the read right is the bank queue's. */
export async function listBankStatements({ db, ability, page }: { db: TenantDb; ability: AppAbility; page: number }) {
	if (!ability.can('read', 'BankMovement')) return { statements: [], total: 0, pages: 1 }
	const [total, rows] = await Promise.all([
		db.bankStatement.count(),
		db.bankStatement.findMany({ orderBy: { createdAt: 'desc' }, skip: (page - 1) * STATEMENTS_PAGE_SIZE, take: STATEMENTS_PAGE_SIZE, select }),
	])
	return { statements: rows.map(toRow), total, pages: Math.max(1, Math.ceil(total / STATEMENTS_PAGE_SIZE)) }
}

export async function getBankStatement({ db, ability, id }: { db: TenantDb; ability: AppAbility; id: string }) {
	if (!ability.can('read', 'BankMovement')) return null
	const row = await db.bankStatement.findUnique({ where: { id }, select })
	// The unmatched count of this statement right now (the summary is the count at import time).
	return row
		? {
				...toRow(row),
				waiting: await db.bankMovement.count({
					where: { AND: [accessibleWhere(ability, 'read', 'BankMovement'), { statementId: id, matchStatus: 'unmatched' }] },
				}),
			}
		: null
}
