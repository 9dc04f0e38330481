import { accessibleWhere } from '../access/ability.server'
import { OVERVIEW_LIST_SIZE, type OverviewContext } from './overview-areas.server'

/** QR payments the citizen started that still wait for the bank transfer (newest first). One query. */
export async function loadQrPaymentsArea({ db, ability, personId }: OverviewContext) {
	const rows = await db.payment.findMany({
		where: { AND: [accessibleWhere(ability, 'read', 'Payment'), { personId, method: 'bank_transfer', state: 'pending', variableSymbol: { not: null } }] },
		orderBy: { createdAt: 'desc' },
		take: OVERVIEW_LIST_SIZE + 1,
		select: { id: true, amount: true, variableSymbol: true, createdAt: true, discountUntil: true },
	})
	return {
		hasMore: rows.length > OVERVIEW_LIST_SIZE,
		payments: rows.slice(0, OVERVIEW_LIST_SIZE).map((row) => ({
			id: row.id,
			amount: row.amount,
			variableSymbol: row.variableSymbol!,
			createdAt: row.createdAt.toISOString(),
			discountUntil: row.discountUntil ? row.discountUntil.toISOString().slice(0, 10) : null,
		})),
	}
}
