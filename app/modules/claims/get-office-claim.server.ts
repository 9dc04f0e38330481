// One claim for the office's claim page (/urad/poplatky/predpisy/:id): the resident, its history and,
// for clerks who may see bank movements, the transfers credited to it (from one of them the clerk can
// split its overpayment, issue 11.4).
import type { TenantDb } from '../db/tenant-db.server'

export function findOfficeClaim({ db, id }: { db: TenantDb; id: string }) {
	return db.claim.findUnique({ where: { id }, include: { resident: true, events: { orderBy: { at: 'asc' } } } })
}

/** The latest 20 bank transfers matched to a payment that credited this claim. */
export async function listClaimMovements({ db, claimId }: { db: TenantDb; claimId: string }) {
	const movements = await db.bankMovement.findMany({
		where: { kind: 'credit', matchStatus: 'matched', payment: { items: { some: { claimId } } } },
		orderBy: [{ bookingDate: 'desc' }, { id: 'asc' }],
		take: 20,
		select: { id: true, bookingDate: true, amount: true, payment: { select: { overpaidAmount: true } } },
	})
	return movements.map((m) => ({ id: m.id, bookingDate: m.bookingDate, amount: Number(m.amount), overpaid: m.payment?.overpaidAmount ?? 0 }))
}
