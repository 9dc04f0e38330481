import type { AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { formatDate } from '../i18n/format'
import { pickText, type Locale } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import type { ClaimFilters } from './claim-filters'
import { claimSelect, claimsWhere } from './list-claims.server'
import { claimDebtorName } from './claim-debtor'

const BATCH = 2000
// csv-stringify is not installed; quoting per RFC 4180 is a few lines. Cells starting with = + - @
// get a leading apostrophe so a spreadsheet never runs them as formulas.
const cell = (value: string | number) => {
	const text = String(value)
	const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
	return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * Every claim matching the filters as a semicolon CSV (Czech Excel's separator), in batches by id, in
 * the clerk's language (issue 19): column names, the fee's name, the claim's state ("osvobozeno" for a
 * 0 Kč claim, as the citizen sees it), the due date as a Czech date, amounts with a decimal comma in Czech.
 */
export async function* claimsCsv({ db, ability, filters, locale = 'cs' }: { db: TenantDb; ability: AppAbility; filters: ClaimFilters; locale?: Locale }) {
	const words = resources[locale]['fees-office'].claims
	const statuses = words.statuses as Record<string, string>
	const amount = (halere: number) => (locale === 'en' ? (halere / 100).toFixed(2) : (halere / 100).toFixed(2).replace('.', ','))
	yield `\uFEFF${[words.vs, words.name, words.feeType, words.year, words.instalment, words.amount, words.paid, words.due, words.status].map(cell).join(';')}\r\n`
	const where = claimsWhere(ability, filters)
	let cursor: string | undefined
	for (;;) {
		const rows = await db.claim.findMany({
			where,
			orderBy: { id: 'asc' },
			take: BATCH,
			...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
			select: claimSelect,
		})
		if (rows.length === 0) return
		yield rows
			.map((r) =>
				[
					r.variableSymbol,
					claimDebtorName(r),
					pickText(r.label, locale) || r.feeType,
					r.year,
					r.instalment,
					amount(r.amount),
					amount(r.paidAmount),
					formatDate(r.dueDate, locale),
					r.amount === 0 && r.status !== 'cancelled' ? statuses.exempt! : (statuses[r.status] ?? r.status),
				]
					.map(cell)
					.join(';'),
			)
			.map((line) => `${line}\r\n`)
			.join('')
		cursor = rows.at(-1)!.id
	}
}
