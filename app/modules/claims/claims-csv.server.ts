import type { AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { ClaimFilters } from './claim-filters'
import { claimSelect, claimsWhere } from './list-claims.server'

const BATCH = 2000
// csv-stringify is not installed; quoting per RFC 4180 is a few lines. Cells starting with = + - @
// get a leading apostrophe so a spreadsheet never runs them as formulas.
const cell = (value: string | number) => {
	const text = String(value)
	const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
	return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** Every claim matching the filters as a semicolon CSV (Czech Excel's separator), in batches by id. */
export async function* claimsCsv({ db, ability, filters }: { db: TenantDb; ability: AppAbility; filters: ClaimFilters }) {
	yield '\uFEFFvariable_symbol;name;fee_type;year;instalment;amount_czk;paid_czk;due_date;status\r\n'
	const where = claimsWhere(ability, filters)
	let cursor: string | undefined
	for (;;) {
		const rows = await db.claim.findMany({ where, orderBy: { id: 'asc' }, take: BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), select: claimSelect })
		if (rows.length === 0) return
		yield rows
			.map((r) =>
				[r.variableSymbol, `${r.resident.givenName} ${r.resident.familyName}`, r.feeType, r.year, r.instalment, (r.amount / 100).toFixed(2), (r.paidAmount / 100).toFixed(2), r.dueDate.toISOString().slice(0, 10), r.status]
					.map(cell)
					.join(';'),
			)
			.map((line) => `${line}\r\n`)
			.join('')
		cursor = rows.at(-1)!.id
	}
}
