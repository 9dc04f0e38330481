import { XMLParser } from 'fast-xml-parser'
import { cleanSymbol, isIsoDate } from './symbols'
import { type ParsedMovement, type ParseResult, type StatementError } from './types'

type Node = Record<string, unknown>
const parser = new XMLParser({
	ignoreAttributes: false,
	removeNSPrefix: true,
	parseTagValue: false,
	isArray: (n) => ['Ntry', 'Stmt', 'Bal', 'TxDtls', 'Ustrd'].includes(n),
})
const get = (n: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Node)[k] : undefined), n)
const str = (n: unknown): string | undefined => {
	if (n === undefined || n === null) return undefined
	if (typeof n === 'object') return str((n as Node)['#text'])
	return String(n).trim() || undefined
}
const halere = (n: unknown) => Math.round(Number(str(n)) * 100)

function symbolsFrom(text: string | undefined, key: 'VS' | 'SS' | 'KS'): string | undefined {
	const m = text && new RegExp(`(?:^|[/\\s,;])${key}[:/ ]?\\s*(\\d{1,10})`, 'i').exec(text)
	return m ? cleanSymbol(m[1]) : undefined
}

/** ISO 20022 camt.053 (BkToCstmrStmt); the first Stmt is read. */
export function parseCamt053(xml: string): ParseResult {
	let doc: Node
	try {
		doc = parser.parse(xml, true) as Node
	} catch {
		return { ok: false, format: 'camt053', errors: [{ code: 'camt_bad_xml' }] }
	}
	const stmt = (get(doc, 'Document.BkToCstmrStmt.Stmt') as Node[] | undefined)?.[0]
	if (!stmt) return { ok: false, format: 'camt053', errors: [{ code: 'camt_bad_structure' }] }
	const iban = str(get(stmt, 'Acct.Id.IBAN'))
	const other = str(get(stmt, 'Acct.Id.Othr.Id'))
	const accountNumber = iban ?? other ?? ''
	const errors: StatementError[] = []
	const movements: ParsedMovement[] = []
	;((stmt.Ntry as Node[] | undefined) ?? []).forEach((e, i) => {
		const line = i + 1
		const credit = str(e.CdtDbtInd) === 'CRDT'
		const reversal = str(e.RvslInd) === 'true'
		const bookingDate = (str(get(e, 'BookgDt.Dt')) ?? str(get(e, 'BookgDt.DtTm')))?.slice(0, 10)
		const valueDate = (str(get(e, 'ValDt.Dt')) ?? str(get(e, 'ValDt.DtTm')))?.slice(0, 10)
		const ref = str(e.AcctSvcrRef) ?? str(e.NtryRef)
		const abs = halere(e.Amt)
		if (!isIsoDate(bookingDate)) errors.push({ line, code: 'camt_bad_date' })
		if (!ref) errors.push({ line, code: 'camt_missing_reference' })
		if (!Number.isFinite(abs) || abs <= 0) errors.push({ line, code: 'camt_bad_amount' })
		if (!isIsoDate(bookingDate) || !ref || !Number.isFinite(abs) || abs <= 0) return
		// A reversal flips the direction: a reversed credit is booked as a debit (CdtDbtInd DBIT).
		const kind: ParsedMovement['kind'] = reversal ? (credit ? 'debit_reversal' : 'credit_reversal') : credit ? 'credit' : 'debit'
		const tx = (get(e, 'NtryDtls.TxDtls') as Node[] | undefined)?.[0] ?? {}
		const ustrd = ((get(tx, 'RmtInf.Ustrd') as unknown[] | undefined) ?? []).map(str).filter(Boolean).join(' ')
		const strdRef = str(get(tx, 'RmtInf.Strd.CdtrRefInf.Ref'))
		const e2e = str(get(tx, 'Refs.EndToEndId'))
		const party = credit ? 'Dbtr' : 'Cdtr'
		const m: ParsedMovement = { movementKey: `camt:${accountNumber}:${ref}`, line, bookingDate, amount: credit ? abs : -abs, kind, bankReference: ref }
		if (isIsoDate(valueDate)) m.valueDate = valueDate
		const vs = cleanSymbol(strdRef) ?? symbolsFrom(ustrd, 'VS') ?? symbolsFrom(e2e, 'VS')
		const ss = symbolsFrom(ustrd, 'SS') ?? symbolsFrom(e2e, 'SS')
		const ks = symbolsFrom(ustrd, 'KS') ?? symbolsFrom(e2e, 'KS')
		if (vs) m.variableSymbol = vs
		if (ss) m.specificSymbol = ss
		if (ks) m.constantSymbol = ks
		const name = str(get(tx, `RltdPties.${party}.Nm`)) ?? str(get(tx, `RltdPties.${party}.Pty.Nm`))
		if (name) m.counterName = name
		const acct = str(get(tx, `RltdPties.${party}Acct.Id.IBAN`)) ?? str(get(tx, `RltdPties.${party}Acct.Id.Othr.Id`))
		if (acct) m.counterAccount = acct
		if (ustrd) m.message = ustrd
		movements.push(m)
	})
	if (errors.length) return { ok: false, format: 'camt053', errors }
	const bal = (code: string) => {
		const b = ((stmt.Bal as Node[] | undefined) ?? []).find((x) => str(get(x, 'Tp.CdOrPrtry.Cd')) === code)
		if (!b) return undefined
		const v = halere(b.Amt)
		return str(b.CdtDbtInd) === 'DBIT' ? -v : v
	}
	const from = str(get(stmt, 'FrToDt.FrDtTm'))?.slice(0, 10)
	const to = str(get(stmt, 'FrToDt.ToDtTm'))?.slice(0, 10)
	const opening = bal('OPBD')
	const closing = bal('CLBD')
	return {
		ok: true,
		statement: {
			format: 'camt053',
			accountNumber,
			...(iban ? { accountIban: iban } : {}),
			...(str(stmt.Id) ? { statementId: str(stmt.Id) } : {}),
			...(isIsoDate(from) ? { from } : {}),
			...(isIsoDate(to) ? { to } : {}),
			...(opening !== undefined ? { openingBalance: opening } : {}),
			...(closing !== undefined ? { closingBalance: closing } : {}),
			movements,
		},
	}
}
