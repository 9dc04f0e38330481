import { listMyClaims } from '../payments/list-my-claims.server'
import { OVERVIEW_LIST_SIZE, type OverviewContext } from './overview-areas.server'

type Claim = Awaited<ReturnType<typeof listMyClaims>>['claims'][number]

export type ClaimSummary = {
	/** What the portal asks today for everything payable (with the discounts still available). */
	toPay: number
	/** How much of it the e-payment discount saves, and the earliest date it ends. */
	discount: number
	discountUntil: string | null
	overdueCount: number
	payableCount: number
	next: { id: string; label: Claim['label']; year: number; instalment: number; instalmentCount: number; dueDate: string; toPay: number; isOverdue: boolean }[]
}

function summarise(claims: Claim[]): ClaimSummary {
	const payable = claims.filter((c) => c.isPayable).sort((a, b) => a.dueDate.localeCompare(b.dueDate))
	const discounted = payable.filter((c) => c.discount > 0 && c.discountUntil)
	return {
		toPay: payable.reduce((sum, c) => sum + c.toPay, 0),
		discount: discounted.reduce((sum, c) => sum + c.discount, 0),
		discountUntil: discounted.map((c) => c.discountUntil!).sort()[0] ?? null,
		overdueCount: payable.filter((c) => c.isOverdue).length,
		payableCount: payable.length,
		next: payable.slice(0, OVERVIEW_LIST_SIZE).map((c) => ({
			id: c.id,
			label: c.label,
			year: c.year,
			instalment: c.instalment,
			instalmentCount: c.instalmentCount,
			dueDate: c.dueDate,
			toPay: c.toPay,
			isOverdue: c.isOverdue,
		})),
	}
}

/**
 * Money owed, split into the citizen's own claims and each represented resident's. One round: the
 * same three index lookups as "Moje platby" (listMyClaims), whose first page holds every payable
 * claim before any settled one (open first), so the sums are whole unless more than 50 are payable.
 */
export async function loadClaimsArea({ db, ability, personId, now }: OverviewContext) {
	const { claims, hasNext } = await listMyClaims({ db, ability, personId, page: 1, now })
	return { claims, isPartial: hasNext && claims.every((c) => c.isPayable) }
}

/** The sums for the whole household, the citizen's own claims and each represented resident. */
export function splitClaims(claims: Claim[], representedIds: Set<string>) {
	const byResident = new Map<string, Claim[]>()
	for (const claim of claims)
		if (claim.residentId && representedIds.has(claim.residentId)) byResident.set(claim.residentId, [...(byResident.get(claim.residentId) ?? []), claim])
	return {
		total: summarise(claims),
		own: summarise(claims.filter((c) => !c.residentId || !representedIds.has(c.residentId))),
		represented: Object.fromEntries([...representedIds].map((id) => [id, summarise(byResident.get(id) ?? [])])),
	}
}
