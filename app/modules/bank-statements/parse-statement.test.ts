import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { generateGpc } from './generate-gpc'
import { parseStatement } from './parse-statement'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url))

describe('GPC', () => {
	const gpc = generateGpc({
		account: '192000145399',
		movements: [
			{ id: '1001', amount: 90000, vs: '0002026001', date: '2026-03-01', name: 'Žluťoučký kůň', counterAccount: '1234567899', bankCode: '0800' },
			{ id: '1002', amount: -12050, date: '2026-03-01', ks: '0308' },
			{ id: '1003', amount: 40000, date: '2026-03-02', postingCode: '4', vs: '7' },
			{ id: '1004', amount: -40000, date: '2026-03-02', postingCode: '5' },
		],
	})
	it('parses credits, debits, reversals, Windows-1250 names and symbols', () => {
		const r = parseStatement(gpc, 'vypis.gpc')
		if (!r.ok) throw new Error(JSON.stringify(r.errors))
		const [a, b, c, d] = r.statement.movements
		expect(r.statement).toMatchObject({ format: 'gpc', accountNumber: '192000145399', from: '2026-03-01', to: '2026-03-02' })
		expect(a).toMatchObject({
			movementKey: 'gpc:192000145399:1001',
			line: 2,
			bookingDate: '2026-03-01',
			amount: 90000,
			kind: 'credit',
			variableSymbol: '2026001',
			counterName: 'Žluťoučký kůň',
			counterAccount: '1234567899/0800',
		})
		expect(b).toMatchObject({ amount: -12050, kind: 'debit', constantSymbol: '308' })
		expect(b?.variableSymbol).toBeUndefined()
		expect(c).toMatchObject({ amount: 40000, kind: 'debit_reversal', variableSymbol: '7' })
		expect(d).toMatchObject({ amount: -40000, kind: 'credit_reversal' })
	})
	it('gives the same key when the movement appears in an overlapping statement', () => {
		const other = generateGpc({
			account: '192000145399',
			statementNumber: 2,
			movements: [
				{ id: '9', amount: 1, date: '2026-03-02' },
				{ id: '1001', amount: 90000, date: '2026-03-01' },
			],
		})
		const r = parseStatement(other)
		expect(r.ok && r.statement.movements[1]?.movementKey).toBe('gpc:192000145399:1001')
	})
	it('reads the same file saved as UTF-8', () => {
		const utf8 = Buffer.from(iconv.decode(gpc, 'win1250'), 'utf8')
		const r = parseStatement(utf8, 'vypis.gpc')
		expect(r.ok && r.statement.movements[0]?.counterName).toBe('Žluťoučký kůň')
	})
	it('reports every broken line and returns no movements', () => {
		const lines = iconv.decode(gpc, 'win1250').split('\r\n')
		lines[1] = lines[1]!.slice(0, 100)
		lines[2] = lines[2]!.slice(0, 122) + '310226'
		lines[3] = lines[3]!.slice(0, 60) + '9' + lines[3]!.slice(61)
		const r = parseStatement(iconv.encode(lines.join('\r\n'), 'win1250'))
		expect(r).toEqual({
			ok: false,
			format: 'gpc',
			errors: [
				{ line: 2, code: 'gpc_record_length', params: { length: 100 } },
				{ line: 3, code: 'gpc_bad_date' },
				{ line: 4, code: 'gpc_bad_posting_code', params: { code: '9' } },
			],
		})
	})
	// A guard against a pathological parser, not the benchmark: the whole import (parse, store, match) must
	// fit in 20 s and `npm run bench:bank` measures it; here other test workers share the CPU.
	it('parses 100,000 movements in under 12 s', () => {
		const movements = Array.from({ length: 100_000 }, (_, i) => ({ id: String(i + 1), vs: String(2026000000 + i), amount: 100 + i, date: '2026-03-01' }))
		const file = generateGpc({ account: '192000145399', movements })
		const t = performance.now()
		const r = parseStatement(file)
		const ms = performance.now() - t
		expect(r.ok && r.statement.movements.length).toBe(100_000)
		expect(ms).toBeLessThan(12_000)
		console.info(`GPC 100k parse: ${Math.round(ms)} ms`)
	})
})

describe('camt.053', () => {
	it('reads entries, symbols from structured and free text, reversals', () => {
		const r = parseStatement(fixture('camt053-sample.xml'))
		if (!r.ok) throw new Error(JSON.stringify(r.errors))
		expect(r.statement).toMatchObject({
			format: 'camt053',
			accountIban: 'CZ6508000000192000145399',
			openingBalance: 100000,
			closingBalance: 165050,
			from: '2026-03-01',
		})
		const [a, b, c] = r.statement.movements
		expect(a).toMatchObject({ movementKey: 'camt:CZ6508000000192000145399:AS-1001', amount: 90000, variableSymbol: '2026001', counterName: 'Jan Novák' })
		expect(b).toMatchObject({ amount: 15050, variableSymbol: '2026002', specificSymbol: '7' })
		expect(c).toMatchObject({ amount: -40000, kind: 'credit_reversal' })
	})
	it('rejects a broken file', () => {
		expect(parseStatement(Buffer.from('<Document><Foo/></Document>'))).toEqual({ ok: false, format: 'camt053', errors: [{ code: 'camt_bad_structure' }] })
	})
})

describe('Fio JSON', () => {
	it('reads columns with the movement id as key', () => {
		const r = parseStatement(fixture('fio-sample.json'))
		if (!r.ok) throw new Error(JSON.stringify(r.errors))
		expect(r.statement).toMatchObject({ accountNumber: '2900012345/2010', openingBalance: 10000, closingBalance: 85050, from: '2026-03-01' })
		expect(r.statement.movements[0]).toMatchObject({
			movementKey: 'fio:2900012345/2010:26001',
			amount: 80050,
			kind: 'credit',
			variableSymbol: '2026001',
			counterAccount: '1234567899/0800',
			message: 'poplatek odpad',
		})
		expect(r.statement.movements[1]).toMatchObject({ amount: -5000, kind: 'debit' })
	})
	it('rejects unknown content', () => {
		expect(parseStatement(Buffer.from('hello'))).toEqual({ ok: false, errors: [{ code: 'unknown_format' }] })
		expect(parseStatement(Buffer.from('{nope'))).toMatchObject({ ok: false, errors: [{ code: 'fio_bad_json' }] })
	})
})

describe('GPC fixture file', () => {
	it('reads the Windows-1250 sample with a missing VS and a credit reversal', () => {
		const bytes = fixture('sample.gpc')
		expect(bytes.includes(Buffer.from([0xd8]))).toBe(true) // "Ř" in Windows-1250
		const r = parseStatement(bytes, 'sample.gpc')
		if (!r.ok) throw new Error(JSON.stringify(r.errors))
		expect(r.statement.movements.map((m) => [m.kind, m.amount, m.variableSymbol ?? null])).toEqual([
			['credit', 50000, '2026000017'],
			['credit', 25000, null],
			['debit', -1500, null],
			['credit_reversal', -50000, '2026000017'],
		])
		expect(r.statement.movements[0]?.counterName).toBe('Řehoř Šťastný')
	})
})
