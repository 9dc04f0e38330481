import type { Prisma } from '../../generated/tenant/client'
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { formatDateTime } from '../i18n/format'
import type { Locale } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import type { PaymentFilters } from './payment-filters'

export const PAYMENTS_PAGE_SIZE = 25

export function paymentsWhere(db: TenantDb, ability: AppAbility, f: PaymentFilters): Prisma.PaymentWhereInput {
	// "to" is a whole day in Prague; a day later at midnight UTC is close enough and never cuts it short.
	const to = f.to ? new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 24 * 3600_000) : undefined
	return {
		AND: [
			accessibleWhere(ability, 'read', 'Payment'),
			// The refund queue (decision 012): money above what the claims needed, not yet returned.
			f.state === 'to_refund' ? { overpaidAmount: { gt: db.payment.fields.refundedAmount } } : f.state ? { state: f.state } : {},
			f.method ? { method: f.method } : {},
			f.from || to ? { createdAt: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(to ? { lt: to } : {}) } } : {},
		],
	}
}

export const paymentSelect = {
	id: true,
	method: true,
	state: true,
	amount: true,
	paidAmount: true,
	refundedAmount: true,
	overpaidAmount: true,
	createdAt: true,
	paidAt: true,
	providerPaymentId: true,
	variableSymbol: true,
	person: { select: { givenName: true, familyName: true } },
	items: { select: { claim: { select: { variableSymbol: true } } } },
} satisfies Prisma.PaymentSelect

/** One page of payments, newest first. */
export async function listPayments({ db, ability, filters }: { db: TenantDb; ability: AppAbility; filters: PaymentFilters }) {
	const where = paymentsWhere(db, ability, filters)
	const [total, rows] = await Promise.all([
		db.payment.count({ where }),
		db.payment.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip: (filters.page - 1) * PAYMENTS_PAGE_SIZE,
			take: PAYMENTS_PAGE_SIZE,
			select: paymentSelect,
		}),
	])
	return { payments: rows, total, pages: Math.max(1, Math.ceil(total / PAYMENTS_PAGE_SIZE)) }
}

const BATCH = 2000
const cell = (value: string | number) => {
	const text = String(value)
	const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
	return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * Every payment matching the filters as a semicolon CSV (as the claims export), in batches by id, in
 * the clerk's language (issue 19): column names, method and state names, Prague times, decimal comma.
 * A payment is named by its variable symbol, not its internal id.
 */
export async function* paymentsCsv({ db, ability, filters, locale = 'cs' }: { db: TenantDb; ability: AppAbility; filters: PaymentFilters; locale?: Locale }) {
	const words = resources[locale]['card-payments'].office
	const methods = words.methods as Record<string, string>
	const states = words.states as Record<string, string>
	const amount = (halere: number) => (locale === 'en' ? (halere / 100).toFixed(2) : (halere / 100).toFixed(2).replace('.', ','))
	yield `\uFEFF${[words.vs, words.created, words.provider, words.state, words.amount, words.paid, words.refunded, words.paidAt, words.payer, words.claims, words.providerId].map(cell).join(';')}\r\n`
	const where = paymentsWhere(db, ability, filters)
	let cursor: string | undefined
	for (;;) {
		const rows = await db.payment.findMany({
			where,
			orderBy: { id: 'asc' },
			take: BATCH,
			...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
			select: paymentSelect,
		})
		if (rows.length === 0) return
		yield rows
			.map((r) =>
				[
					r.variableSymbol ?? '',
					formatDateTime(r.createdAt, locale),
					methods[r.method] ?? r.method,
					states[r.state] ?? r.state,
					amount(r.amount),
					amount(r.paidAmount),
					amount(r.refundedAmount),
					r.paidAt ? formatDateTime(r.paidAt, locale) : '',
					r.person ? `${r.person.givenName} ${r.person.familyName}` : '',
					r.items.map((i) => i.claim.variableSymbol).join(' '),
					r.providerPaymentId ?? '',
				]
					.map(cell)
					.join(';'),
			)
			.map((line) => `${line}\r\n`)
			.join('')
		cursor = rows.at(-1)!.id
	}
}
