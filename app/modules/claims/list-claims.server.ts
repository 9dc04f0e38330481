import type { Prisma } from '../../generated/tenant/client'
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { ClaimFilters } from './claim-filters'
import { claimDebtorName } from './claim-debtor'

export const CLAIMS_PAGE_SIZE = 25

export function claimsWhere(ability: AppAbility, f: ClaimFilters): Prisma.ClaimWhereInput {
	const words = f.name?.split(/\s+/).filter(Boolean) ?? []
	return {
		AND: [
			accessibleWhere(ability, 'read', 'Claim'),
			f.feeType ? { feeType: f.feeType } : {},
			f.year ? { year: f.year } : {},
			f.status ? { status: f.status } : {},
			f.vs ? { variableSymbol: { startsWith: f.vs } } : {},
			...words.map((w) => ({
				resident: { OR: [{ givenName: { contains: w, mode: 'insensitive' as const } }, { familyName: { contains: w, mode: 'insensitive' as const } }] },
			})),
		],
	}
}

export const claimSelect = {
	id: true,
	feeType: true,
	label: true,
	year: true,
	instalment: true,
	instalmentCount: true,
	amount: true,
	paidAmount: true,
	dueDate: true,
	variableSymbol: true,
	status: true,
	resident: { select: { givenName: true, familyName: true } },
	debtorName: true,
} satisfies Prisma.ClaimSelect

/** One page of claims matching the filters, by due date then VS. */
export async function listClaims({ db, ability, filters }: { db: TenantDb; ability: AppAbility; filters: ClaimFilters }) {
	const where = claimsWhere(ability, filters)
	const [total, rows] = await Promise.all([
		db.claim.count({ where }),
		db.claim.findMany({
			where,
			orderBy: [{ dueDate: 'desc' }, { variableSymbol: 'asc' }],
			skip: (filters.page - 1) * CLAIMS_PAGE_SIZE,
			take: CLAIMS_PAGE_SIZE,
			select: claimSelect,
		}),
	])
	const claims = rows.map((r) => ({ ...r, dueDate: r.dueDate.toISOString().slice(0, 10), name: claimDebtorName(r) }))
	return { claims, total, pages: Math.max(1, Math.ceil(total / CLAIMS_PAGE_SIZE)) }
}

/** The fee types among the claims the clerk may read, with a label, for the claims filter. */
export async function listClaimFeeTypes({ db, ability }: { db: TenantDb; ability: AppAbility }) {
	return db.claim.findMany({
		where: accessibleWhere(ability, 'read', 'Claim'),
		distinct: ['feeType'],
		select: { feeType: true, label: true },
		orderBy: { feeType: 'asc' },
	})
}
