import iconv from 'iconv-lite'

export type GpcMovementInput = {
	vs?: string
	ss?: string
	ks?: string
	amount: number /* haléře, signed: + credit, - debit */
	date: string /* YYYY-MM-DD */
	id?: string
	counterAccount?: string
	bankCode?: string
	name?: string
	postingCode?: '1' | '2' | '4' | '5'
}
export type GenerateGpcOptions = { account: string; accountName?: string; statementNumber?: number; movements: GpcMovementInput[] }

const num = (v: string | number, len: number) => String(v).padStart(len, '0').slice(-len)
const txt = (v: string, len: number) => v.padEnd(len, ' ').slice(0, len)
const dmy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`

/** Builds a GPC (ABO) statement in real Windows-1250 bytes, CRLF, 128-character records. */
export function generateGpc(options: GenerateGpcOptions): Buffer {
	const ms = options.movements
	const first = ms[0]?.date ?? '2026-01-01'
	const last = ms.at(-1)?.date ?? first
	let debit = 0
	let credit = 0
	for (const m of ms)
		if (m.amount < 0) debit -= m.amount
		else credit += m.amount
	const header =
		'074' +
		num(options.account, 16) +
		txt(options.accountName ?? 'MESTO', 20) +
		dmy(first) +
		num(0, 14) +
		'+' +
		num(credit - debit, 14) +
		(credit >= debit ? '+' : '-') +
		num(debit, 14) +
		'0' +
		num(credit, 14) +
		'0' +
		num(options.statementNumber ?? 1, 3) +
		dmy(last) +
		' '.repeat(14)
	const lines = [header]
	ms.forEach((m, i) => {
		const code = m.postingCode ?? (m.amount < 0 ? '1' : '2')
		lines.push(
			'075' +
				num(options.account, 16) +
				num(m.counterAccount ?? '0', 16) +
				num(m.id ?? String(i + 1), 13) +
				num(Math.abs(m.amount), 12) +
				code +
				num(m.vs ?? '0', 10) +
				'00' +
				num(m.bankCode ?? '0800', 4) +
				num(m.ks ?? '0', 4) +
				num(m.ss ?? '0', 10) +
				dmy(m.date) +
				txt(m.name ?? '', 20) +
				'0' +
				'0203' +
				dmy(m.date),
		)
	})
	return iconv.encode(lines.join('\r\n') + '\r\n', 'win1250')
}
