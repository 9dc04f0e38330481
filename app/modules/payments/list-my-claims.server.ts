import type { Prisma } from '../../generated/tenant/client'
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { availableDiscount, isPayable, portalAmount, remainingAmount } from './payable-amount'

export const MY_CLAIMS_PAGE_SIZE = 25

const select = {
	id: true, feeType: true, year: true, instalment: true, label: true, amount: true, paidAmount: true, discountGranted: true, discountAmount: true,
	discountUntil: true, dueDate: true, variableSymbol: true, status: true,
	resident: { select: { givenName: true, familyName: true } },
} satisfies Prisma.ClaimSelect

/**
 * The citizen's claims (own and those of residents they represent, through CASL): open ones first,
 * then by due date. Two queries per page whatever the number of claims (count + page, resident joined).
 */
export async function listMyClaims({ db, ability, page, now = new Date() }: { db: TenantDb; ability: AppAbility; page: number; now?: Date }) {
	const where = accessibleWhere(ability, 'read', 'Claim')
	const [total, rows] = await Promise.all([
		db.claim.count({ where }),
		db.claim.findMany({ where, orderBy: [{ status: 'asc' }, { dueDate: 'asc' }, { variableSymbol: 'asc' }], skip: (page - 1) * MY_CLAIMS_PAGE_SIZE, take: MY_CLAIMS_PAGE_SIZE, select }),
	])
	const today = now.toISOString().slice(0, 10)
	const claims = rows.map((row) => {
		const dueDate = row.dueDate.toISOString().slice(0, 10)
		const payable = isPayable(row)
		return {
			id: row.id, feeType: row.feeType, year: row.year, instalment: row.instalment, label: row.label, status: row.status, variableSymbol: row.variableSymbol,
			name: `${row.resident.givenName} ${row.resident.familyName}`,
			amount: row.amount, paidAmount: row.paidAmount, dueDate,
			remaining: remainingAmount(row),
			discount: payable ? availableDiscount(row, now) : 0,
			toPay: payable ? portalAmount(row, now) : 0,
			discountUntil: row.discountUntil ? row.discountUntil.toISOString().slice(0, 10) : null,
			isPayable: payable,
			isOverdue: payable && dueDate < today,
		}
	})
	return { claims, total, pageCount: Math.max(1, Math.ceil(total / MY_CLAIMS_PAGE_SIZE)) }
}
