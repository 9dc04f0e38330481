import { z } from 'zod'
import type { Prisma } from '../../generated/tenant/client'
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { MOVEMENT_FILTER_PARAMS } from './movement-filter-params'

export const MOVEMENTS_PAGE_SIZE = 25

const blank = (v: unknown) => (v === '' || v === null ? undefined : v)
const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
/** Koruny as typed by a clerk ("1 234,50" or "1234.5") to haléře. */
const crowns = z
	.string()
	.transform((v) => v.replace(/\s/g, '').replace(',', '.'))
	.pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/))
	.transform((v) => Math.round(Number(v) * 100))

/** The unmatched queue's filters from the query string (bad values are dropped, not fatal). */
export const MovementFiltersSchema = z.object({
	from: z.preprocess(blank, isoDate.optional()).catch(undefined),
	to: z.preprocess(blank, isoDate.optional()).catch(undefined),
	min: z.preprocess(blank, crowns.optional()).catch(undefined),
	max: z.preprocess(blank, crowns.optional()).catch(undefined),
	vs: z
		.preprocess(
			blank,
			z
				.string()
				.regex(/^\d{1,10}$/)
				.optional(),
		)
		.catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type MovementFilters = z.output<typeof MovementFiltersSchema>

export function readMovementFilters(url: URL): MovementFilters {
	return MovementFiltersSchema.parse(
		Object.fromEntries(Object.entries(MOVEMENT_FILTER_PARAMS).map(([key, param]) => [key, url.searchParams.get(param) ?? undefined])),
	)
}

export const movementSelect = {
	id: true,
	bookingDate: true,
	amount: true,
	kind: true,
	variableSymbol: true,
	specificSymbol: true,
	constantSymbol: true,
	counterAccount: true,
	counterName: true,
	message: true,
	matchStatus: true,
	note: true,
	statementId: true,
} satisfies Prisma.BankMovementSelect

export function toMovementRow(m: Prisma.BankMovementGetPayload<{ select: typeof movementSelect }>) {
	const picked = Object.fromEntries(Object.keys(movementSelect).map((key) => [key, m[key as keyof typeof m]])) as typeof m
	return { ...picked, amount: Number(m.amount), bookingDate: m.bookingDate.toISOString().slice(0, 10) }
}

/** One page of credits (and credit reversals) waiting for a clerk, oldest first. */
export async function listUnmatchedMovements({ db, ability, filters }: { db: TenantDb; ability: AppAbility; filters: MovementFilters }) {
	const where: Prisma.BankMovementWhereInput = {
		AND: [
			accessibleWhere(ability, 'read', 'BankMovement'),
			{ matchStatus: 'unmatched', kind: { in: ['credit', 'reversal'] } },
			filters.from ? { bookingDate: { gte: new Date(`${filters.from}T00:00:00Z`) } } : {},
			filters.to ? { bookingDate: { lte: new Date(`${filters.to}T00:00:00Z`) } } : {},
			filters.min !== undefined ? { amount: { gte: BigInt(filters.min) } } : {},
			filters.max !== undefined ? { amount: { lte: BigInt(filters.max) } } : {},
			filters.vs ? { variableSymbol: filters.vs.replace(/^0+/, '') } : {},
		],
	}
	const [total, rows] = await Promise.all([
		db.bankMovement.count({ where }),
		db.bankMovement.findMany({
			where,
			orderBy: [{ bookingDate: 'asc' }, { id: 'asc' }],
			skip: (filters.page - 1) * MOVEMENTS_PAGE_SIZE,
			take: MOVEMENTS_PAGE_SIZE,
			select: movementSelect,
		}),
	])
	return { movements: rows.map(toMovementRow), total, pages: Math.max(1, Math.ceil(total / MOVEMENTS_PAGE_SIZE)) }
}
