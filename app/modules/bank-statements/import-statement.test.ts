import { beforeEach, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { defineAbilityFor } from '../access/ability.server'
import { makeVariableSymbol } from '../claims/variable-symbol'
import { getTenantDb } from '../db/tenant-db.server'
import { generateGpc, type GpcMovementInput } from './generate-gpc'
import { importStatement } from './import-statement.server'
import { ignoreMovement, matchMovementToClaim } from './resolve-movement.server'

const town = await createTown('bank-town')
const db = getTenantDb(town.tenant)
const ACCOUNT = '1778900100'
let seq = 0
let doc = 1000
// The audit log refuses TRUNCATE: each test counts only its own entries.
let since = new Date()

const gpc = (movements: GpcMovementInput[]) => generateGpc({ account: ACCOUNT, movements })
const run = (bytes: Buffer, fileName = 'vypis.gpc') => importStatement({ tenant: town.tenant, bytes, fileName, actor: 'test' })

async function claim(amount: number, discountAmount = 0, due = '2026-05-31') {
	const resident = await db.resident.create({ data: { givenName: 'Jana', familyName: 'Nováková', dateOfBirth: new Date('1985-01-01') } })
	seq++
	return db.claim.create({
		data: {
			residentId: resident.id,
			feeType: 'waste',
			year: 2026,
			label: { cs: 'Odpad' },
			baseAmount: amount,
			amount,
			discountPercent: discountAmount ? 20 : 0,
			discountAmount,
			discountUntil: discountAmount ? new Date(due) : null,
			dueDate: new Date(due),
			variableSymbol: makeVariableSymbol(2026, seq),
			generationKey: `t:${seq}`,
		},
	})
}

/** A portal QR payment (what opening the QR code on the claim page creates). */
async function qrPayment(c: { id: string; amount: number; discountAmount: number; discountUntil: Date | null }) {
	seq++
	return db.payment.create({
		data: {
			method: 'bank_transfer',
			state: 'pending',
			amount: c.amount - c.discountAmount,
			variableSymbol: makeVariableSymbol(2026, seq),
			discountUntil: c.discountUntil,
			items: { create: [{ claimId: c.id, amount: 0 }] },
		},
	})
}

const credit = (vs: string, amount: number, date = '2026-05-20', id = String(++doc)): GpcMovementInput => ({ vs, amount, date, id })
const claimState = (id: string) => db.claim.findUniqueOrThrow({ where: { id }, select: { status: true, paidAmount: true, discountGranted: true } })

beforeEach(async () => {
	await sql(
		`TRUNCATE ${town.schema}.bank_movement, ${town.schema}.bank_statement, ${town.schema}.claim, ${town.schema}.payment, ${town.schema}.resident CASCADE`,
	)
	since = new Date()
})

describe('importStatement', () => {
	test('the same file twice: the second import adds no movement and credits nothing again', async () => {
		const c = await claim(50000)
		const file = gpc([credit(c.variableSymbol, 50000), { amount: -12000, date: '2026-05-20', id: '77' }])
		const first = await run(file)
		const second = await run(file)
		expect(first.ok && first.summary).toMatchObject({ movements: 2, new: 2, duplicates: 0, matched: 1, paid: 1, debits: 1 })
		expect(second.ok && second.summary).toMatchObject({ movements: 2, new: 0, duplicates: 2, matched: 0 })
		expect(await claimState(c.id)).toEqual({ status: 'paid', paidAmount: 50000, discountGranted: 0 })
		expect(await db.bankMovement.count()).toBe(2)
		expect(await db.bankMovement.findFirstOrThrow({ where: { kind: 'debit' } })).toMatchObject({ matchStatus: 'ignored' })
	})

	test('overlapping statements count the shared movements once', async () => {
		const a = await claim(10000)
		const b = await claim(20000)
		const shared = credit(a.variableSymbol, 10000)
		await run(gpc([credit('123', 500), shared]))
		const second = await run(gpc([shared, credit(b.variableSymbol, 20000)]))
		expect(second.ok && second.summary).toMatchObject({ movements: 2, new: 1, duplicates: 1, matched: 1 })
		expect(await claimState(a.id)).toMatchObject({ paidAmount: 10000, status: 'paid' })
		expect(await claimState(b.id)).toMatchObject({ paidAmount: 20000, status: 'paid' })
	})

	test('a portal QR payment booked by discount_until pays the claim with the discount; booked later, without', async () => {
		const early = await claim(72000, 14400)
		const late = await claim(72000, 14400)
		const pEarly = await qrPayment(early)
		const pLate = await qrPayment(late)
		const result = await run(gpc([credit(pEarly.variableSymbol!.replace(/^0+/, ''), 57600, '2026-05-31'), credit(pLate.variableSymbol!, 57600, '2026-06-01')]))
		expect(result.ok && result.summary).toMatchObject({ matched: 2, paid: 1, partly: 1, unmatched: 0 })
		expect(await claimState(early.id)).toEqual({ status: 'paid', paidAmount: 57600, discountGranted: 14400 })
		expect(await claimState(late.id)).toEqual({ status: 'partly_paid', paidAmount: 57600, discountGranted: 0 })
		const transitions = await db.paymentTransition.findMany({ where: { paymentId: { in: [pEarly.id, pLate.id] } } })
		expect(transitions.map((t) => [t.fromState, t.toState, t.source])).toEqual([
			['pending', 'paid', 'bank_statement'],
			['pending', 'paid', 'bank_statement'],
		])
		const movements = await db.bankMovement.findMany({ where: { paymentId: pEarly.id } })
		expect(movements).toHaveLength(1)
		expect(await db.auditLog.count({ where: { action: 'bank.movement_matched', at: { gte: since } } })).toBe(2)
	})

	test("a claim's own VS pays the full amount only: no discount even in time", async () => {
		const c = await claim(72000, 14400)
		await run(gpc([credit(c.variableSymbol, 57600, '2026-05-01')]))
		expect(await claimState(c.id)).toEqual({ status: 'partly_paid', paidAmount: 57600, discountGranted: 0 })
		await run(gpc([credit(c.variableSymbol, 14400, '2026-05-02')]))
		expect(await claimState(c.id)).toEqual({ status: 'paid', paidAmount: 72000, discountGranted: 0 })
		const payments = await db.payment.findMany({ include: { transitions: true } })
		expect(payments.map((p) => [p.method, p.state, p.transitions[0]?.source])).toEqual([
			['bank_transfer', 'paid', 'bank_statement'],
			['bank_transfer', 'paid', 'bank_statement'],
		])
	})

	test('two transfers to one claim in one file are both credited, one after the other', async () => {
		const c = await claim(72000)
		const result = await run(gpc([credit(c.variableSymbol, 30000), credit(c.variableSymbol, 42000)]))
		expect(result.ok && result.summary).toMatchObject({ matched: 2, partly: 1, paid: 1 })
		expect(await claimState(c.id)).toEqual({ status: 'paid', paidAmount: 72000, discountGranted: 0 })
	})

	test('partial and overpayment are counted and the overpayment is kept', async () => {
		const partly = await claim(30000)
		const over = await claim(30000)
		const result = await run(gpc([credit(partly.variableSymbol, 10000), credit(over.variableSymbol, 45000)]))
		expect(result.ok && result.summary).toMatchObject({ matched: 2, partly: 1, overpaid: 1, matchedAmount: 55000 })
		expect(await claimState(over.id)).toEqual({ status: 'overpaid', paidAmount: 45000, discountGranted: 0 })
		expect((await db.payment.findFirstOrThrow({ where: { items: { some: { claimId: over.id } } } })).overpaidAmount).toBe(15000)
	})

	test('a reversal undoes the crediting: claim back to open, discount withdrawn, payment refunded, audited', async () => {
		const c = await claim(72000, 14400)
		const p = await qrPayment(c)
		await run(gpc([credit(p.variableSymbol!, 57600, '2026-05-20', '501')]))
		expect(await claimState(c.id)).toMatchObject({ status: 'paid', discountGranted: 14400 })
		const result = await run(gpc([{ vs: p.variableSymbol!, amount: -57600, date: '2026-05-22', id: '502', postingCode: '5' }]))
		expect(result.ok && result.summary).toMatchObject({ reversals: 1, reversalsUnmatched: 0 })
		expect(await claimState(c.id)).toEqual({ status: 'open', paidAmount: 0, discountGranted: 0 })
		const payment = await db.payment.findUniqueOrThrow({ where: { id: p.id }, include: { transitions: { orderBy: { at: 'asc' } } } })
		expect([payment.state, payment.refundedAmount]).toEqual(['refunded', 57600])
		expect(payment.transitions.map((t) => [t.toState, t.source])).toEqual([
			['paid', 'bank_statement'],
			['refunded', 'bank_statement'],
		])
		const events = await db.claimEvent.findMany({ where: { claimId: c.id }, orderBy: { at: 'asc' } })
		expect(events.map((e) => [e.kind, e.amount, (e.detail as { reason?: string }).reason ?? null])).toEqual([
			['payment', 57600, null],
			['refund', 57600, 'bank_reversal'],
		])
		const reversal = await db.bankMovement.findFirstOrThrow({ where: { kind: 'reversal' } })
		expect(reversal.matchStatus).toBe('matched')
		expect(reversal.reversedMovementId).toBe((await db.bankMovement.findFirstOrThrow({ where: { kind: 'credit' } })).id)
		expect(await db.auditLog.count({ where: { action: 'bank.reversal_applied', at: { gte: since } } })).toBe(1)
		// The same reversal again is a duplicate and changes nothing.
		await run(gpc([{ vs: p.variableSymbol!, amount: -57600, date: '2026-05-22', id: '502', postingCode: '5' }]))
		expect(await claimState(c.id)).toEqual({ status: 'open', paidAmount: 0, discountGranted: 0 })
	})

	test('a reversal of an unmatched credit waits in the queue', async () => {
		const result = await run(gpc([credit('999', 500, '2026-05-20', '601'), { vs: '999', amount: -500, date: '2026-05-21', id: '602', postingCode: '5' }]))
		expect(result.ok && result.summary).toMatchObject({ unmatched: 1, reversals: 0, reversalsUnmatched: 1 })
	})

	test('a malformed file is rejected whole with line numbers and nothing is written', async () => {
		const c = await claim(50000)
		const good = gpc([credit(c.variableSymbol, 50000), credit('1', 100)])
			.toString('latin1')
			.split('\r\n')
		good[2] = good[2]!.slice(0, 60) + '9' + good[2]!.slice(61) // an unknown posting code on line 3
		const result = await run(Buffer.from(good.join('\r\n'), 'latin1'))
		expect(result).toEqual({ ok: false, errors: [{ line: 3, code: 'gpc_bad_posting_code', params: { code: '9' } }] })
		expect(await db.bankStatement.count()).toBe(0)
		expect(await db.bankMovement.count()).toBe(0)
		expect(await claimState(c.id)).toMatchObject({ status: 'open', paidAmount: 0 })
	})

	test('progress is reported up to 100 and stored with the summary', async () => {
		const seen: number[] = []
		const result = await importStatement({
			tenant: town.tenant,
			bytes: gpc([credit('5', 100)]),
			fileName: 'a.gpc',
			actor: 'test',
			onProgress: (p) => seen.push(p),
		})
		expect(seen.at(-1)).toBe(100)
		const row = await db.bankStatement.findUniqueOrThrow({ where: { id: result.ok ? result.statementId : '' } })
		expect([row.progress, row.format, (row.summary as { unmatched: number }).unmatched, row.finishedAt !== null]).toEqual([100, 'gpc', 1, true])
	})
})

describe('the unmatched queue', () => {
	const STAFF = '00000000-0000-4000-8000-0000000000aa'

	test('a clerk matches an unmatched movement to a claim with a note: credited and audited', async () => {
		const c = await claim(50000)
		await run(gpc([credit('42', 50000)]))
		const movement = await db.bankMovement.findFirstOrThrow({ where: { matchStatus: 'unmatched' } })
		const outcome = await matchMovementToClaim({ db, movementId: movement.id, claimId: c.id, note: 'VS přehozený, dle jména', staffId: STAFF })
		expect(outcome).toBe('paid')
		expect(await claimState(c.id)).toEqual({ status: 'paid', paidAmount: 50000, discountGranted: 0 })
		expect(await db.bankMovement.findUniqueOrThrow({ where: { id: movement.id } })).toMatchObject({
			matchStatus: 'matched',
			note: 'VS přehozený, dle jména',
			matchedBy: STAFF,
		})
		const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'bank.movement_matched', at: { gte: since } } })
		expect([audit.staffId, audit.subject]).toEqual([STAFF, `BankMovement:${movement.id}`])
		expect((await db.claimEvent.findMany({ where: { claimId: c.id } })).map((e) => e.kind).sort()).toEqual(['manual_match', 'payment'])
		const transition = await db.paymentTransition.findFirstOrThrow({ where: { payment: { items: { some: { claimId: c.id } } } } })
		expect(transition.source).toBe('clerk')
		// A second clerk matching the same movement is refused and nothing changes.
		await expect(matchMovementToClaim({ db, movementId: movement.id, claimId: c.id, note: 'znovu', staffId: STAFF })).rejects.toThrow(/not waiting/)
		expect(await claimState(c.id)).toMatchObject({ paidAmount: 50000 })
	})

	test('ignoring needs an unmatched movement, keeps the note and is audited', async () => {
		await run(gpc([credit('43', 700)]))
		const movement = await db.bankMovement.findFirstOrThrow()
		await ignoreMovement({ db, movementId: movement.id, note: 'vratka dodavateli', staffId: STAFF })
		expect(await db.bankMovement.findUniqueOrThrow({ where: { id: movement.id } })).toMatchObject({ matchStatus: 'ignored', note: 'vratka dodavateli' })
		expect(await db.auditLog.count({ where: { action: 'bank.movement_ignored', at: { gte: since } } })).toBe(1)
		await expect(ignoreMovement({ db, movementId: movement.id, note: 'x', staffId: STAFF })).rejects.toThrow(/not waiting/)
	})

	test('only staff on the payments agenda may work the bank queue', () => {
		const me = STAFF
		const can = (roles: ('clerk' | 'admin' | 'auditor')[], agendas: ('payments' | 'submissions')[]) =>
			defineAbilityFor({ kind: 'staff', staffUserId: me, roles, agendas, submissionAgendas: [] }).can('update', 'BankMovement')
		expect(can(['clerk'], ['payments'])).toBe(true)
		expect(can(['clerk'], ['submissions'])).toBe(false)
		expect(can(['auditor'], [])).toBe(false)
	})
})
