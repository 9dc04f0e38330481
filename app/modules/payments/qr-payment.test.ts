// The citizen's side of paying (issue 4): the portal QR payment with the e-payment discount, and the
// "Moje platby" list with representation, on a town with Veselí's fee rules and demo residents.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { beforeEach, describe, expect, test } from 'vitest'
import { applyTestBlueprint, REPO_ROOT, sql, testBlueprint, writeBlueprint } from '../../../tests/db'
import { accessibleWhere, defineAbilityFor } from '../access/ability.server'
import { creditPayment } from '../claims/credit-payment.server'
import { generateClaims } from '../claims/generate-claims.server'
import { linkResident } from '../claims/link-resident.server'
import { getPool } from '../db/pool.server'
import { tenantSchemaName } from '../db/schema-name'
import { getTenantDb } from '../db/tenant-db.server'
import { getMyClaim } from './get-my-claim.server'
import { listMyClaims } from './list-my-claims.server'
import { createOrReuseQrPayment } from './qr-payment.server'
import { QrPaymentError, type QrPaymentErrorCode } from './qr-payment-error'
import { qrDetailsForVariableSymbol } from './qr-spayd.server'

const VESELI = path.join(REPO_ROOT, 'tenants/veseli-nad-moravou')
const slug = 'qrpay-town'
const schema = tenantSchemaName(slug)
const dir = writeBlueprint(testBlueprint(slug, { fees: parse(readFileSync(path.join(VESELI, 'blueprint.yaml'), 'utf8')).fees }), {
	files: { 'residents.yaml': readFileSync(path.join(VESELI, 'residents.yaml'), 'utf8') },
})
await applyTestBlueprint(dir)
const [tenantRow] = await sql<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', [slug])
const db = getTenantDb({ id: tenantRow!.id, slug })
// Claims issued in January: the 2026 waste fee carries the 20 % discount until 31 May 2026.
await generateClaims({ pool: getPool(), slug, year: 2026, asOf: new Date('2026-01-15T10:00:00Z') })

/** A persona's first login: the account (pre-created for representatives) linked to the resident. */
async function login(personIdentifier: string, givenName: string, familyName: string, dateOfBirth: string) {
	const person = await db.person.upsert({
		where: { personIdentifier },
		create: { personIdentifier, givenName, familyName, dateOfBirth: new Date(dateOfBirth) },
		update: {},
		select: { id: true },
	})
	await linkResident(db, { id: person.id, givenName, familyName, dateOfBirth: new Date(dateOfBirth) })
	return { personId: person.id, ability: defineAbilityFor({ kind: 'citizen', personId: person.id }) }
}
const jana = await login('CZ/CZ/52698f22-74c6-49e1-8067-72d38c475662', 'Jana', 'Nováková', '1985-03-14')
const petr = await login('CZ/CZ/17169a53-ef40-467f-bdfc-2c846f2f3361', 'Petr', 'Svoboda', '1978-11-23')

async function claimOf(externalResidentId: string, feeType: string) {
	const [row] = await sql<{ id: string }>(
		`SELECT c.id FROM ${schema}.claim c JOIN ${schema}.resident r ON r.id = c.resident_id WHERE r.external_id = $1 AND c.fee_type = $2 AND c.year = 2026`,
		[externalResidentId, feeType],
	)
	return row!.id
}
const janaWaste = await claimOf('vnm-r-jana-novakova', 'waste')
const janaDog = await claimOf('vnm-r-jana-novakova', 'dog')
const grandmaWaste = await claimOf('vnm-r-ludmila-novakova', 'waste')
const childWaste = await claimOf('vnm-r-eliska-novakova', 'waste')
const partnerWaste = await claimOf('vnm-r-martin-novak', 'waste')
const petrWaste = await claimOf('vnm-r-petr-svoboda', 'waste')

const pay = (who: typeof jana, claimIds: string[], now: string) =>
	createOrReuseQrPayment({ db, slug, ability: who.ability, personId: who.personId, claimIds, now: new Date(now) })

async function refusal(promise: Promise<unknown>): Promise<QrPaymentErrorCode> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	)
	expect(error).toBeInstanceOf(QrPaymentError)
	return (error as QrPaymentError).code
}

beforeEach(async () => {
	await sql(`TRUNCATE ${schema}.payment CASCADE`)
	await sql(`UPDATE ${schema}.claim SET status = 'open', paid_amount = 0, discount_granted = 0`)
})

describe('createOrReuseQrPayment', () => {
	test('before the due date the waste fee is 20 % off (576 Kč of 720 Kč) and the dog fee is not; the payment keeps the discount date', async () => {
		const result = await pay(jana, [janaWaste, janaDog], '2026-03-01T09:00:00Z')
		expect(result).toMatchObject({ amount: 57_600 + 60_000, reused: false })
		expect(result.variableSymbol).toMatch(/^26\d{8}$/)
		const payment = await db.payment.findUniqueOrThrow({ where: { id: result.paymentId }, include: { items: true, transitions: true } })
		expect(payment).toMatchObject({ method: 'bank_transfer', state: 'pending', personId: jana.personId, amount: 117_600 })
		expect(payment.discountUntil?.toISOString().slice(0, 10)).toBe('2026-05-31')
		expect(payment.items.map((i) => i.claimId).sort()).toEqual([janaWaste, janaDog].sort())
		expect(payment.transitions).toMatchObject([{ fromState: 'created', toState: 'pending', source: 'system' }])
		// Its own VS, never a claim's: the claim's VS pays the full amount.
		expect(await db.claim.count({ where: { variableSymbol: result.variableSymbol } })).toBe(0)
	})

	test('after the due date there is no discount: full amount, no discount date', async () => {
		const result = await pay(jana, [janaWaste], '2026-06-01T09:00:00Z')
		expect(result.amount).toBe(72_000)
		expect((await db.payment.findUniqueOrThrow({ where: { id: result.paymentId } })).discountUntil).toBeNull()
	})

	test('clicking again reuses the pending payment (same VS); another selection or another amount is a new one', async () => {
		const first = await pay(jana, [janaWaste, janaDog], '2026-03-01T09:00:00Z')
		const again = await pay(jana, [janaDog, janaWaste], '2026-03-02T09:00:00Z')
		expect(again).toMatchObject({ paymentId: first.paymentId, variableSymbol: first.variableSymbol, reused: true })
		const onlyWaste = await pay(jana, [janaWaste], '2026-03-02T09:00:00Z')
		expect(onlyWaste.paymentId).not.toBe(first.paymentId)
		// After the discount date the amount differs, so the old QR (with the discount) is not offered.
		const late = await pay(jana, [janaWaste], '2026-06-02T09:00:00Z')
		expect(late.paymentId).not.toBe(onlyWaste.paymentId)
		expect(await db.payment.count()).toBe(3)
	})

	test('several claims including one of a represented resident (the senior: 50 % relief, then 20 % off)', async () => {
		const result = await pay(jana, [janaWaste, grandmaWaste], '2026-03-01T09:00:00Z')
		expect(result.amount).toBe(57_600 + 28_800)
	})

	test("a claim the citizen may not read is not found: the partner's (not represented), another citizen's, a made-up id", async () => {
		expect(await refusal(pay(jana, [janaWaste, partnerWaste], '2026-03-01T09:00:00Z'))).toBe('claim_not_found')
		expect(await refusal(pay(petr, [janaWaste], '2026-03-01T09:00:00Z'))).toBe('claim_not_found')
		expect(await refusal(pay(jana, ['00000000-0000-4000-8000-000000000009'], '2026-03-01T09:00:00Z'))).toBe('claim_not_found')
		expect(await refusal(pay(jana, ['not-a-uuid'], '2026-03-01T09:00:00Z'))).toBe('claim_not_found')
		expect(await db.payment.count()).toBe(0)
	})

	test('a paid claim, an exempt one (nothing to pay) and an empty or duplicate selection are refused and change nothing', async () => {
		await sql(`UPDATE ${schema}.claim SET status = 'paid', paid_amount = amount WHERE id = $1`, [janaDog])
		expect(await refusal(pay(jana, [janaWaste, janaDog], '2026-03-01T09:00:00Z'))).toBe('claim_not_payable')
		expect(await refusal(pay(jana, [childWaste], '2026-03-01T09:00:00Z'))).toBe('claim_not_payable')
		expect(await refusal(pay(jana, [], '2026-03-01T09:00:00Z'))).toBe('selection_invalid')
		expect(await refusal(pay(jana, [janaWaste, janaWaste], '2026-03-01T09:00:00Z'))).toBe('selection_invalid')
		expect(await db.payment.count()).toBe(0)
	})

	test('paying a claim whose discount has ended together with one whose discount is open: only the open one is discounted when credited', async () => {
		await generateClaims({ pool: getPool(), slug, year: 2027, asOf: new Date('2026-01-15T10:00:00Z') })
		try {
			const [next] = await sql<{ id: string }>(
				`SELECT c.id FROM ${schema}.claim c JOIN ${schema}.resident r ON r.id = c.resident_id WHERE r.external_id = 'vnm-r-jana-novakova' AND c.fee_type = 'waste' AND c.year = 2027`,
			)
			const result = await pay(jana, [janaWaste, next!.id], '2026-07-01T09:00:00Z')
			expect(result.amount).toBe(72_000 + 57_600)
			expect((await db.payment.findUniqueOrThrow({ where: { id: result.paymentId } })).discountUntil?.toISOString().slice(0, 10)).toBe('2027-05-31')
			await db.$transaction((tx) =>
				creditPayment(tx, { paymentId: result.paymentId, received: result.amount, receivedAt: new Date('2026-07-02T08:00:00Z'), source: 'bank_statement' }),
			)
			const claims = await db.claim.findMany({ where: { id: { in: [janaWaste, next!.id] } }, orderBy: { year: 'asc' } })
			expect(claims.map((c) => [c.status, c.paidAmount, c.discountGranted])).toEqual([
				['paid', 72_000, 0],
				['paid', 57_600, 14_400],
			])
		} finally {
			await sql(`TRUNCATE ${schema}.payment CASCADE`)
			await sql(`DELETE FROM ${schema}.claim WHERE year = 2027`)
		}
	})

	test('the QR details of the payment VS carry its (discounted) amount; of the claim VS the full amount', async () => {
		const result = await pay(jana, [janaWaste], '2026-03-01T09:00:00Z')
		const forPayment = await qrDetailsForVariableSymbol(db, result.variableSymbol)
		expect(forPayment?.spayd).toMatch(
			new RegExp(`^SPD\\*1\\.0\\*ACC:CZ8703000000000017789001\\*AM:576\\.00\\*CC:CZK\\*MSG:[^*]+\\*X-VS:${result.variableSymbol}\\*CRC32:[0-9A-F]{8}\\*$`),
		)
		const claim = await db.claim.findUniqueOrThrow({ where: { id: janaWaste } })
		expect((await qrDetailsForVariableSymbol(db, claim.variableSymbol))?.spayd).toContain('*AM:720.00*')
		expect(await qrDetailsForVariableSymbol(db, '2699999990')).toBeNull()
	})
})

describe('Moje platby list and claim page', () => {
	test("Jana sees her own claims and those of the residents she represents (child, senior), not her partner's nor Petr's", async () => {
		const list = await listMyClaims({ db, ability: jana.ability, personId: jana.personId, page: 1, now: new Date('2026-03-01T09:00:00Z') })
		expect(list.claims.map((c) => c.id).sort()).toEqual([janaWaste, janaDog, grandmaWaste, childWaste].sort())
		const waste = list.claims.find((c) => c.id === janaWaste)!
		expect(waste).toMatchObject({ amount: 72_000, toPay: 57_600, discount: 14_400, isPayable: true, isOverdue: false, name: 'Jana Nováková' })
		expect(list.claims.find((c) => c.id === childWaste)).toMatchObject({ amount: 0, isPayable: false })
		expect(list.claims.find((c) => c.id === janaDog)).toMatchObject({ toPay: 60_000, discount: 0 })
		const late = await listMyClaims({ db, ability: jana.ability, personId: jana.personId, page: 1, now: new Date('2026-07-01T09:00:00Z') })
		expect(late.claims.find((c) => c.id === janaWaste)).toMatchObject({ toPay: 72_000, discount: 0, isOverdue: true })
		expect((await listMyClaims({ db, ability: petr.ability, personId: petr.personId, page: 1 })).claims.map((c) => c.id)).toEqual([petrWaste])
		expect(list.hasNext).toBe(false)
		// The list goes through the Resident rule; it must show exactly what the Claim rule allows.
		for (const who of [jana, petr]) {
			const allowed = await db.claim.findMany({ where: accessibleWhere(who.ability, 'read', 'Claim'), select: { id: true } })
			expect((await listMyClaims({ db, ability: who.ability, personId: who.personId, page: 1 })).claims.map((c) => c.id).sort()).toEqual(
				allowed.map((c) => c.id).sort(),
			)
		}
	})

	test('paginated by 50: open claims first, then by due date', async () => {
		await sql(
			`INSERT INTO ${schema}.claim (resident_id, fee_type, year, label, base_amount, amount, due_date, variable_symbol, generation_key, status, paid_amount)
			 SELECT r.id, 'dog', 1970 + g, '{"cs":"Poplatek ze psů"}', 100, 100, make_date(1970 + g, 3, 31), '70' || lpad(g::text, 8, '0'), 'page:' || g, 'paid', 100
			   FROM ${schema}.resident r, generate_series(1, 50) g WHERE r.external_id = 'vnm-r-petr-svoboda'`,
		)
		try {
			const first = await listMyClaims({ db, ability: petr.ability, personId: petr.personId, page: 1 })
			expect(first.claims).toHaveLength(50)
			expect(first.hasNext).toBe(true)
			expect(first.claims[0]!.id).toBe(petrWaste)
			expect(first.claims[1]!.dueDate).toBe('1971-03-31')
			const second = await listMyClaims({ db, ability: petr.ability, personId: petr.personId, page: 2 })
			expect(second.claims.map((c) => c.dueDate)).toEqual(['2020-03-31'])
			expect(second.hasNext).toBe(false)
		} finally {
			await sql(`DELETE FROM ${schema}.claim WHERE generation_key LIKE 'page:%'`)
		}
	})

	test('an unconfirmed representation shows nothing; the claim page is null for a claim the citizen may not read', async () => {
		await sql(`UPDATE ${schema}.representation SET confirmed_at = NULL`)
		try {
			const list = await listMyClaims({ db, ability: jana.ability, personId: jana.personId, page: 1 })
			expect(list.claims.map((c) => c.id).sort()).toEqual([janaWaste, janaDog].sort())
			expect(await getMyClaim({ db, ability: jana.ability, claimId: grandmaWaste })).toBeNull()
		} finally {
			await sql(`UPDATE ${schema}.representation SET confirmed_at = now()`)
		}
		expect(await getMyClaim({ db, ability: jana.ability, claimId: grandmaWaste })).toMatchObject({ reliefCode: 'senior_75', reliefAmount: 36_000 })
		expect(await getMyClaim({ db, ability: petr.ability, claimId: janaWaste })).toBeNull()
		expect(await getMyClaim({ db, ability: jana.ability, claimId: 'x' })).toBeNull()
	})
})
