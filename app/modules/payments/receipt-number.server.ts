import { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'

/** The receipt's human number: town prefix, PP (potvrzení o platbě), year of payment, counter per year: VES-PP-2026-000001. */
export function formatReceiptNumber(townSlug: string, year: number, value: number) {
	return `${townSlug
		.replace(/[^a-z]/g, '')
		.slice(0, 3)
		.toUpperCase()}-PP-${year}-${String(value).padStart(6, '0')}`
}

const pragueYear = (date: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Prague', year: 'numeric' }).format(date))

/**
 * The payment's receipt number, given the first time its receipt is made and the same ever after.
 * The next free number of the year of payment; two receipts made at once meet at the unique index
 * and the later one takes the number after.
 */
export async function ensureReceiptNumber({ db, townSlug, paymentId }: { db: TenantDb; townSlug: string; paymentId: string }): Promise<string> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { receiptNumber: true, paidAt: true, createdAt: true } })
		if (payment.receiptNumber) return payment.receiptNumber
		const year = pragueYear(payment.paidAt ?? payment.createdAt)
		const prefix = formatReceiptNumber(townSlug, year, 0).slice(0, -6)
		const last = await db.payment.findFirst({
			where: { receiptNumber: { startsWith: prefix } },
			orderBy: { receiptNumber: 'desc' },
			select: { receiptNumber: true },
		})
		const next = formatReceiptNumber(townSlug, year, Number(last?.receiptNumber?.slice(-6) ?? 0) + 1)
		try {
			await db.payment.updateMany({ where: { id: paymentId, receiptNumber: null }, data: { receiptNumber: next } })
		} catch (error) {
			if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue
			throw error
		}
	}
	throw new Error(`no receipt number for payment ${paymentId} after five tries`)
}
