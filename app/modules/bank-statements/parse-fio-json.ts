import { cleanSymbol, isIsoDate } from './symbols'
import { type ParsedMovement, type ParseResult, type StatementError } from './types'

type Column = { value: unknown } | null | undefined
type Transaction = Record<string, Column>

const val = (t: Transaction, n: number): string | undefined => {
	const v = t[`column${n}`]?.value
	return v === null || v === undefined || v === '' ? undefined : String(v)
}

/** Fio REST API JSON (accountStatement.info + transactionList.transaction[].columnN). */
export function parseFioJson(data: unknown): ParseResult {
	const st = (data as { accountStatement?: { info?: Record<string, unknown>; transactionList?: { transaction?: Transaction[] | null } } })?.accountStatement
	if (!st?.info) return { ok: false, format: 'fio', errors: [{ code: 'fio_bad_structure' }] }
	const info = st.info
	const accountNumber = `${String(info.accountId ?? '')}/${String(info.bankId ?? '')}`
	const errors: StatementError[] = []
	const movements: ParsedMovement[] = []
	;(st.transactionList?.transaction ?? []).forEach((t, i) => {
		const line = i + 1
		const id = val(t, 22)
		const date = val(t, 0)?.slice(0, 10)
		const amountNum = Number(val(t, 1))
		if (!id) errors.push({ line, code: 'fio_missing_id' })
		if (!isIsoDate(date)) errors.push({ line, code: 'fio_bad_date' })
		if (!Number.isFinite(amountNum) || amountNum === 0) errors.push({ line, code: 'fio_bad_amount' })
		if (!id || !isIsoDate(date) || !Number.isFinite(amountNum) || amountNum === 0) return
		const amount = Math.round(amountNum * 100)
		const counter = val(t, 2)
		const bank = val(t, 3)
		const m: ParsedMovement = {
			movementKey: `fio:${accountNumber}:${id}`,
			line,
			bookingDate: date,
			amount,
			kind: amount > 0 ? 'credit' : 'debit',
			bankReference: id,
		}
		const vs = cleanSymbol(val(t, 5))
		const ss = cleanSymbol(val(t, 6))
		const ks = cleanSymbol(val(t, 4))
		if (vs) m.variableSymbol = vs
		if (ss) m.specificSymbol = ss
		if (ks) m.constantSymbol = ks
		if (counter) m.counterAccount = bank ? `${counter}/${bank}` : counter
		const name = val(t, 10)
		if (name) m.counterName = name
		const msg = val(t, 16)
		if (msg) m.message = msg
		movements.push(m)
	})
	if (errors.length) return { ok: false, format: 'fio', errors }
	const num = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : undefined)
	const from = String(info.dateStart ?? '').slice(0, 10)
	const to = String(info.dateEnd ?? '').slice(0, 10)
	return {
		ok: true,
		statement: {
			format: 'fio',
			accountNumber,
			...(typeof info.iban === 'string' ? { accountIban: info.iban } : {}),
			...(info.idList != null ? { statementId: String(info.idList) } : {}),
			...(isIsoDate(from) ? { from } : {}),
			...(isIsoDate(to) ? { to } : {}),
			...(num(info.openingBalance) !== undefined ? { openingBalance: num(info.openingBalance) } : {}),
			...(num(info.closingBalance) !== undefined ? { closingBalance: num(info.closingBalance) } : {}),
			movements,
		},
	}
}
