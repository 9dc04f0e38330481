import type { Prisma } from '../../generated/tenant/client'
import type { ClaimStatus } from '../../generated/tenant/enums'
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { claimBalance } from '../claims/claim-balance'
import { pragueToday, storedDate } from '../dates/prague-date'

export const MY_CLAIMS_PAGE_SIZE = 50
/** Open claims first (the enum's own order: open, partly paid, paid, overpaid, cancelled, written off). */
const STATUS_ORDER: readonly ClaimStatus[] = ['open', 'partly_paid', 'paid', 'overpaid', 'cancelled', 'written_off']

const select = {
	id: true,
	feeType: true,
	year: true,
	instalment: true,
	instalmentCount: true,
	label: true,
	amount: true,
	paidAmount: true,
	discountGranted: true,
	discountAmount: true,
	discountUntil: true,
	dueDate: true,
	variableSymbol: true,
	status: true,
	residentId: true,
} satisfies Prisma.ClaimSelect

/**
 * The residents the citizen may read, found through indexes: the CASL rule alone (own OR represented)
 * is an OR over a subquery, which Postgres answers by scanning every resident of the town. The indexed
 * candidates narrow the rows; the CASL rule still decides.
 */
async function readableResidents(db: TenantDb, ability: AppAbility, personId: string) {
	const represented = await db.representation.findMany({ where: { personId, confirmedAt: { not: null } }, select: { residentId: true }, take: 1000 })
	return db.resident.findMany({
		where: { AND: [{ OR: [{ personId }, { id: { in: represented.map((r) => r.residentId) } }] }, accessibleWhere(ability, 'read', 'Resident')] },
		select: { id: true, givenName: true, familyName: true },
		take: 1000,
	})
}

/**
 * The citizen's claims (own and those of residents they represent, through CASL): open ones first,
 * then by due date. Three index lookups per page whatever the number of claims: the residents the citizen
 * may read (two: representations, then residents) and their claims.
 * The Claim rule is the Resident rule one level down (permissions.ts, decision 007); applied to the
 * claim table directly it is a correlated subquery per claim of the whole town, too slow for this page.
 */
export async function listMyClaims({
	db,
	ability,
	personId,
	page,
	now = new Date(),
}: {
	db: TenantDb
	ability: AppAbility
	personId: string
	page: number
	now?: Date
}) {
	const residents = new Map((await readableResidents(db, ability, personId)).map((r) => [r.id, `${r.givenName} ${r.familyName}`]))
	// All of the citizen's claims (a household's few per year), sorted here rather than by ORDER BY ...
	// LIMIT: with a LIMIT Postgres walks the town-wide (status, due_date) index and filters by resident,
	// reading every open claim of the town for one citizen.
	const all = residents.size ? await db.claim.findMany({ where: { residentId: { in: [...residents.keys()] } }, select }) : []
	all.sort(
		(a, b) =>
			STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
			a.dueDate.getTime() - b.dueDate.getTime() ||
			a.variableSymbol.localeCompare(b.variableSymbol),
	)
	const rows = all.slice((page - 1) * MY_CLAIMS_PAGE_SIZE, page * MY_CLAIMS_PAGE_SIZE)
	const hasNext = all.length > page * MY_CLAIMS_PAGE_SIZE
	const today = pragueToday(now)
	const claims = rows.map((row) => {
		const dueDate = storedDate(row.dueDate)
		const balance = claimBalance(row, today)
		return {
			id: row.id,
			feeType: row.feeType,
			year: row.year,
			instalment: row.instalment,
			instalmentCount: row.instalmentCount,
			label: row.label,
			status: row.status,
			variableSymbol: row.variableSymbol,
			residentId: row.residentId,
			name: (row.residentId && residents.get(row.residentId)) || '',
			amount: row.amount,
			paidAmount: row.paidAmount,
			dueDate,
			remaining: balance.remaining,
			discount: balance.discountAvailable,
			toPay: balance.payableNow,
			discountUntil: row.discountUntil ? storedDate(row.discountUntil) : null,
			isPayable: balance.isPayable,
			isOverdue: balance.isOverdue,
		}
	})
	return { claims, hasNext }
}
