import type { TenantDb } from '../db/tenant-db.server'

/**
 * The citizen's open portal QR payments that cover any of these claims. The card page warns about
 * them: if the transfer was already sent, paying by card too would pay twice (decision 012). Paying
 * by card cancels them (cancelSupersededPayments).
 */
export function findOpenQrPayments({ db, personId, claimIds }: { db: TenantDb; personId: string; claimIds: string[] }) {
	if (claimIds.length === 0) return Promise.resolve([])
	return db.payment.findMany({
		where: {
			personId,
			method: 'bank_transfer',
			variableSymbol: { not: null },
			state: { in: ['created', 'pending'] },
			items: { some: { claimId: { in: claimIds } } },
		},
		orderBy: { createdAt: 'asc' },
		take: 20,
		select: { id: true, variableSymbol: true, amount: true, createdAt: true },
	})
}
