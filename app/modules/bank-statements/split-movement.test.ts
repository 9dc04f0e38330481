// Issue 11.4: one bank payment split by a clerk over several claims of one person/household, the
// remainder kept as an overpayment, audited once; refusals change nothing; a bank reversal undoes it.
import { beforeEach, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { createStaffMember, form, officeRequest, TEST_PASSWORD, townContext } from '../../../tests/staff'
import { action as movementAction, loader as movementLoader } from '../../routes/urad.banka.pohyb.$id'
import { makeVariableSymbol } from '../claims/variable-symbol'
import { getTenantDb } from '../db/tenant-db.server'
import { signInStaff } from '../staff/sign-in-staff.server'
import { generateGpc, type GpcMovementInput } from './generate-gpc'
import { importStatement } from './import-statement.server'
import { SplitError, splitMovement, type SplitAllocation } from './split-movement.server'

const town = await createTown('split-town')
const other = await createTown('split-other')
const db = getTenantDb(town.tenant)
const otherDb = getTenantDb(other.tenant)
const STAFF = '00000000-0000-4000-8000-0000000000bb'
let seq = 0
let doc = 5000
let since = new Date()

const run = (movements: GpcMovementInput[]) =>
	importStatement({ tenant: town.tenant, bytes: generateGpc({ account: '1778900100', movements }), fileName: 'vypis.gpc', actor: 'test' })

async function resident(givenName: string, householdId: string | null, into = db) {
	return into.resident.create({ data: { givenName, familyName: 'Dvořáková', dateOfBirth: new Date('1980-01-01'), householdId } })
}
async function claim(residentId: string, amount: number, due: string, into = db) {
	seq++
	return into.claim.create({
		data: {
			residentId,
			feeType: 'waste',
			year: 2026,
			label: { cs: 'Odpad' },
			baseAmount: amount,
			amount,
			dueDate: new Date(due),
			variableSymbol: makeVariableSymbol(2026, seq),
			generationKey: `split:${seq}`,
		},
	})
}
const state = async (id: string) => {
	const c = await db.claim.findUniqueOrThrow({ where: { id } })
	return [c.status, c.paidAmount]
}
const refusal = async (promise: Promise<unknown>) => {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	)
	expect(error).toBeInstanceOf(SplitError)
	return (error as SplitError).reason
}

beforeEach(async () => {
	await sql(
		`TRUNCATE ${town.schema}.bank_movement, ${town.schema}.bank_statement, ${town.schema}.claim, ${town.schema}.payment, ${town.schema}.resident, ${town.schema}.household CASCADE`,
	)
	since = new Date()
})

describe('splitting a bank payment', () => {
	test('11.4 a bank payment for several claims: an unmatched 900 Kč transfer is split over three claims of one household, 40 Kč kept as an overpayment, audited once; too high a sum, a claim of another household or town refused; a double submit changes nothing; a reversal takes it all back', async () => {
		const household = await db.household.create({ data: { label: 'Lipová 5' } })
		const jana = await resident('Jana', household.id)
		const petr = await resident('Petr', household.id)
		const stranger = await resident('Karel', null)
		const march = await claim(jana.id, 36000, '2026-03-31')
		const september = await claim(jana.id, 36000, '2026-09-30')
		const dog = await claim(petr.id, 20000, '2026-06-30')
		const strangers = await claim(stranger.id, 10000, '2026-06-30')
		const elsewhere = await claim((await resident('Eva', null, otherDb)).id, 10000, '2026-06-30', otherDb)

		await run([{ vs: '4711', amount: 90000, date: '2026-04-02', id: String(++doc), name: 'Dvořák' }])
		const movement = await db.bankMovement.findFirstOrThrow({ where: { matchStatus: 'unmatched' } })
		const split = (allocations: SplitAllocation[], payerResidentId = jana.id) =>
			splitMovement({ db, movementId: movement.id, payerResidentId, allocations, note: 'Platba za celou domácnost', expectedAvailable: 90000, staffId: STAFF })

		expect(
			await refusal(
				split([
					{ claimId: march.id, amount: 36000 },
					{ claimId: september.id, amount: 36000 },
					{ claimId: dog.id, amount: 20000 },
				]),
			),
		).toBe('sum_too_high')
		expect(
			await refusal(
				split([
					{ claimId: march.id, amount: 36000 },
					{ claimId: strangers.id, amount: 10000 },
				]),
			),
		).toBe('other_household')
		expect(
			await refusal(
				split([
					{ claimId: march.id, amount: 36000 },
					{ claimId: elsewhere.id, amount: 10000 },
				]),
			),
		).toBe('claim_not_found')
		expect(await refusal(split([{ claimId: march.id, amount: 36001 }]))).toBe('over_remaining')
		expect(await refusal(split([{ claimId: march.id, amount: 0 }]))).toBe('amount_invalid')
		for (const id of [march.id, september.id, dog.id]) expect(await state(id)).toEqual(['open', 0])
		expect(await db.bankMovement.findUniqueOrThrow({ where: { id: movement.id } })).toMatchObject({ matchStatus: 'unmatched', paymentId: null })
		expect(await db.payment.count()).toBe(0)
		expect((await otherDb.claim.findUniqueOrThrow({ where: { id: elsewhere.id } })).paidAmount).toBe(0)

		// Petr's claim through Jana (same household); September's only in part, as the clerk typed it.
		const result = await split([
			{ claimId: march.id, amount: 36000 },
			{ claimId: dog.id, amount: 20000 },
			{ claimId: september.id, amount: 30000 },
		])
		expect(result).toMatchObject({ mode: 'unmatched', allocated: 86000, remainder: 4000 })
		expect([await state(march.id), await state(dog.id), await state(september.id)]).toEqual([
			['paid', 36000],
			['paid', 20000],
			['partly_paid', 30000],
		])
		const payment = await db.payment.findUniqueOrThrow({ where: { id: result.paymentId }, include: { items: true, transitions: true } })
		expect([payment.method, payment.state, payment.paidAmount, payment.overpaidAmount, payment.providerPaymentId]).toEqual([
			'bank_transfer',
			'paid',
			90000,
			4000,
			`bank:${movement.id}`,
		])
		expect(payment.items.map((i) => [i.claimId, i.amount]).sort()).toEqual(
			[
				[march.id, 36000],
				[dog.id, 20000],
				[september.id, 30000],
			].sort(),
		)
		expect(payment.transitions.map((t) => [t.fromState, t.toState, t.source])).toEqual([['created', 'paid', 'clerk']])
		expect(await db.bankMovement.findUniqueOrThrow({ where: { id: movement.id } })).toMatchObject({
			matchStatus: 'matched',
			paymentId: payment.id,
			matchedBy: STAFF,
			note: 'Platba za celou domácnost',
		})
		const audits = await db.auditLog.findMany({ where: { action: 'bank.movement_split', at: { gte: since } } })
		expect(audits).toHaveLength(1)
		expect(audits[0]!.subject).toBe(`BankMovement:${movement.id}`)
		expect(audits[0]!.details).toMatchObject({
			mode: 'unmatched',
			amount: 90000,
			remainder: 4000,
			paymentId: payment.id,
			allocations: [
				{ claimId: march.id, variableSymbol: march.variableSymbol, amount: 36000 },
				{ claimId: dog.id, variableSymbol: dog.variableSymbol, amount: 20000 },
				{ claimId: september.id, variableSymbol: september.variableSymbol, amount: 30000 },
			],
		})
		expect((await db.claimEvent.findMany({ where: { claimId: dog.id } })).map((e) => [e.kind, e.amount]).sort()).toEqual([
			['manual_match', 20000],
			['payment', 20000],
		])

		// The same form sent again: refused, nothing credited twice.
		expect(
			await refusal(
				split([
					{ claimId: march.id, amount: 36000 },
					{ claimId: dog.id, amount: 20000 },
					{ claimId: september.id, amount: 30000 },
				]),
			),
		).toBe('changed')
		expect(await state(september.id)).toEqual(['partly_paid', 30000])
		expect(await db.auditLog.count({ where: { action: 'bank.movement_split', at: { gte: since } } })).toBe(1)

		// The bank reverses the transfer: every allocation comes back off its claim.
		const reversed = await run([{ vs: '4711', amount: -90000, date: '2026-04-05', id: String(++doc), postingCode: '5' }])
		expect(reversed.ok && reversed.summary).toMatchObject({ reversals: 1 })
		expect([await state(march.id), await state(dog.id), await state(september.id)]).toEqual([
			['open', 0],
			['open', 0],
			['open', 0],
		])
		expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ state: 'refunded', refundedAmount: 90000, overpaidAmount: 0 })
	})

	test("11.4 a bank payment for several claims: 500 Kč with a claim's own VS on a 360 Kč claim is matched overpaid; the clerk hands 140 Kč on to the household's other claim, the claim is paid, audited", async () => {
		const household = await db.household.create({ data: { label: 'Polní 12' } })
		const mother = await resident('Alena', household.id)
		const son = await resident('Tomáš', household.id)
		const own = await claim(mother.id, 36000, '2026-03-31')
		const sons = await claim(son.id, 36000, '2026-03-31')
		await run([{ vs: own.variableSymbol, amount: 50000, date: '2026-03-20', id: String(++doc) }])
		expect(await state(own.id)).toEqual(['overpaid', 50000])
		const movement = await db.bankMovement.findFirstOrThrow({ where: { matchStatus: 'matched' } })
		const split = (amount: number, expectedAvailable = 14000) =>
			splitMovement({
				db,
				movementId: movement.id,
				payerResidentId: mother.id,
				allocations: [{ claimId: sons.id, amount }],
				note: 'Přeplatek na syna',
				expectedAvailable,
				staffId: STAFF,
			})

		expect(await refusal(split(14001))).toBe('sum_too_high')
		expect(await refusal(split(14000, 50000))).toBe('changed')
		expect([await state(own.id), await state(sons.id)]).toEqual([
			['overpaid', 50000],
			['open', 0],
		])

		expect(await split(14000)).toMatchObject({ mode: 'overpayment', allocated: 14000, remainder: 0 })
		expect([await state(own.id), await state(sons.id)]).toEqual([
			['paid', 36000],
			['partly_paid', 14000],
		])
		const payment = await db.payment.findUniqueOrThrow({ where: { id: movement.paymentId! }, include: { items: true } })
		expect([payment.state, payment.paidAmount, payment.overpaidAmount]).toEqual(['paid', 50000, 0])
		expect(payment.items.map((i) => [i.claimId, i.amount]).sort()).toEqual(
			[
				[own.id, 36000],
				[sons.id, 14000],
			].sort(),
		)
		const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'bank.movement_split', at: { gte: since } } })
		expect(audit.details).toMatchObject({
			mode: 'overpayment',
			available: 14000,
			remainder: 0,
			releasedFrom: [{ claimId: own.id, amount: 14000 }],
			allocations: [{ claimId: sons.id, amount: 14000 }],
		})
		// Nothing is left to split: a second submit is refused.
		expect(await refusal(split(14000))).toBe('not_splittable')

		await run([{ vs: own.variableSymbol, amount: -50000, date: '2026-03-25', id: String(++doc), postingCode: '5' }])
		expect([await state(own.id), await state(sons.id)]).toEqual([
			['open', 0],
			['open', 0],
		])
	})

	test('11.4 a bank payment for several claims: the clerk splits from the page with a plain form (koruny typed, an empty field leaves a claim out); a bad amount gets a message and changes nothing; a clerk without the payments agenda is refused', async () => {
		const staff = await createStaffMember(town, { email: `platby${Date.now()}@split.test` })
		await db.staffUser.update({ where: { id: staff.id }, data: { agendas: ['payments'] } })
		const signedIn = await signInStaff({
			request: officeRequest('/urad/prihlaseni', null, form({})),
			context: townContext(town),
			email: staff.email,
			password: TEST_PASSWORD,
		})
		if (!signedIn.ok) throw new Error('sign-in refused')
		const cookie = signedIn.cookie
		const outsider = await createStaffMember(town, { email: `podani${Date.now()}@split.test` })
		const outsiderIn = await signInStaff({
			request: officeRequest('/urad/prihlaseni', null, form({})),
			context: townContext(town),
			email: outsider.email,
			password: TEST_PASSWORD,
		})
		if (!outsiderIn.ok) throw new Error('sign-in refused')
		const household = await db.household.create({ data: { label: 'Krátká 1' } })
		const payer = await resident('Olga', household.id)
		const first = await claim(payer.id, 36000, '2026-03-31')
		const second = await claim(payer.id, 36000, '2026-09-30')
		const third = await claim(payer.id, 36000, '2026-12-31')
		await run([{ vs: first.variableSymbol, amount: 50000, date: '2026-03-20', id: String(++doc) }])
		const movement = await db.bankMovement.findFirstOrThrow()
		const context = townContext(town)
		const page = (await movementLoader({ request: officeRequest(`/urad/banka/pohyb/${movement.id}`, cookie), context, params: { id: movement.id } })) as {
			split: { mode: string; available: number; payer: { id: string }; claims: { id: string; prefill: number }[] }
		}
		expect(page.split).toMatchObject({
			mode: 'overpayment',
			available: 14000,
			payer: { id: payer.id },
			claims: [
				{ id: second.id, prefill: 14000 },
				{ id: third.id, prefill: 0 },
			],
		})
		const post = (amount: string, as = cookie) => {
			const body = new URLSearchParams({ intent: 'split', payerId: payer.id, expected: '14000', note: 'Zbytek na druhou splátku' })
			body.append('claimId', second.id)
			body.append('amount', amount)
			body.append('claimId', third.id)
			body.append('amount', '')
			return movementAction({
				request: officeRequest(`/urad/banka/pohyb/${movement.id}`, as, { method: 'POST', body }),
				context,
				params: { id: movement.id },
			}).catch((e: unknown) => e)
		}
		// A clerk without the payments agenda may not split (403), and nothing changes.
		const denied = (await post('100', outsiderIn.cookie)) as Response | { init: { status: number } }
		expect(denied instanceof Response ? denied.status : denied.init.status).toBe(403)
		const bad = (await post('-5')) as { init: { status: number }; data: { splitError: { reason: string; claimId: string }; values: Record<string, string> } }
		expect([bad.init.status, bad.data.splitError, bad.data.values[second.id]]).toEqual([400, { reason: 'amount_invalid', claimId: second.id }, '-5'])
		expect(await state(second.id)).toEqual(['open', 0])
		const done = (await post('100,50')) as Response
		expect([done.status, done.headers.get('location')]).toEqual([303, `/urad/banka/pohyb/${movement.id}?hotovo=split`])
		expect([await state(first.id), await state(second.id)]).toEqual([
			['paid', 36000],
			['partly_paid', 10050],
		])
		expect(await state(third.id)).toEqual(['open', 0])
		expect((await db.payment.findFirstOrThrow()).overpaidAmount).toBe(3950)
	})
	test('11.4 a bank payment for several claims: a split that settles a claim cancels the open portal QR payment that covered it, so it cannot be paid twice', async () => {
		const jana = await resident('Jana', null)
		const fee = await claim(jana.id, 36000, '2026-03-31')
		const qr = await db.payment.create({
			data: { method: 'bank_transfer', state: 'created', amount: 36000, variableSymbol: '9900000042', items: { create: [{ claimId: fee.id, amount: 36000 }] } },
		})
		await run([{ vs: '4799', amount: 50000, date: '2026-04-02', id: String(++doc), name: 'Dvořáková' }])
		const movement = await db.bankMovement.findFirstOrThrow({ where: { matchStatus: 'unmatched' } })
		const result = await splitMovement({
			db,
			movementId: movement.id,
			payerResidentId: jana.id,
			allocations: [{ claimId: fee.id, amount: 36000 }],
			note: 'Poplatek za odpad',
			expectedAvailable: 50000,
			staffId: STAFF,
		})
		expect(result).toMatchObject({ allocated: 36000, remainder: 14000 })
		expect(await state(fee.id)).toEqual(['paid', 36000])
		expect((await db.payment.findUniqueOrThrow({ where: { id: qr.id } })).state).toBe('cancelled')
	})
})
