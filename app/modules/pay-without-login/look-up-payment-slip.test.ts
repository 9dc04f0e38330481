// Paying without login (issue 16): the pair from a payment slip opens a payment page that shows only
// what is needed to pay, on a town with Veselí's fee rules (waste fee 720 Kč, 20 % e-payment discount
// until 31 May 2026) and demo residents.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { beforeEach, describe, expect, test } from 'vitest'
import { applyTestBlueprint, createTown, REPO_ROOT, sql, testBlueprint, writeBlueprint } from '../../../tests/db'
import { defineAbilityFor } from '../access/ability.server'
import { creditPayment } from '../claims/credit-payment.server'
import { generateClaims } from '../claims/generate-claims.server'
import { getPool } from '../db/pool.server'
import { tenantSchemaName } from '../db/schema-name'
import { getTenantDb } from '../db/tenant-db.server'
import { createOrReuseQrPayment } from '../payments/qr-payment.server'
import { getSlipPaymentView } from './get-slip-payment-view.server'
import { lookUpPaymentSlip } from './look-up-payment-slip.server'
import { parseCzechAmount } from './slip-form-schema'
import { signSlipCapability } from './slip-capability.server'

const VESELI = path.join(REPO_ROOT, 'tenants/veseli-nad-moravou')
const slug = 'slip-town'
const schema = tenantSchemaName(slug)
const dir = writeBlueprint(testBlueprint(slug, { fees: parse(readFileSync(path.join(VESELI, 'blueprint.yaml'), 'utf8')).fees }), {
	files: { 'residents.yaml': readFileSync(path.join(VESELI, 'residents.yaml'), 'utf8') },
})
await applyTestBlueprint(dir)
const [tenantRow] = await sql<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', [slug])
const tenant = { id: tenantRow!.id, slug }
const db = getTenantDb(tenant)
await generateClaims({ pool: getPool(), slug, year: 2026, asOf: new Date('2026-01-15T10:00:00Z') })

const [janaWaste] = await sql<{ id: string; variable_symbol: string; given_name: string; family_name: string; date_of_birth: Date }>(
	`SELECT c.id, c.variable_symbol, r.given_name, r.family_name, r.date_of_birth FROM ${schema}.claim c JOIN ${schema}.resident r ON r.id = c.resident_id WHERE r.external_id = 'vnm-r-jana-novakova' AND c.fee_type = 'waste' AND c.year = 2026`,
)
const vs = janaWaste!.variable_symbol
const MARCH = new Date('2026-03-01T09:00:00Z')
const JUNE = new Date('2026-06-15T09:00:00Z')

let requestId: string
function lookUp(variableSymbol: string, amount: string, { ip = '203.0.113.10', now = MARCH } = {}) {
	return lookUpPaymentSlip({ db, tenant, variableSymbol, amount: parseCzechAmount(amount)!, ip, locale: 'cs', requestId, now })
}
async function viewOf(lookup: Awaited<ReturnType<typeof lookUp>>, now = MARCH) {
	if (lookup.status !== 'found') throw new Error(`expected a match, got ${lookup.status}`)
	return getSlipPaymentView({ db, tenantId: tenant.id, token: lookup.token, locale: 'cs', now })
}
const setDiscountWithoutLogin = (value: boolean) =>
	sql(`UPDATE ${schema}.fee_rule_version SET rules = jsonb_set(rules, '{discount,discountWithoutLogin}', $1::jsonb)`, [JSON.stringify(value)])

beforeEach(async () => {
	requestId = randomUUID()
	await sql(`TRUNCATE ${schema}.payment CASCADE`)
	await sql(`TRUNCATE ${schema}.rate_limit`)
	await sql(`UPDATE ${schema}.claim SET status = 'open', paid_amount = 0, discount_granted = 0`)
	await setDiscountWithoutLogin(false)
})

describe('the amount on the slip', () => {
	test.each([
		['1 152,00', 115_200],
		['1152', 115_200],
		['720 Kč', 72_000],
		['1\u00a0152,5', 115_250],
		['0', 0],
		['12,345', null],
		['abc', null],
	])('%s -> %s haléřů', (text, amount) => {
		expect(parseCzechAmount(text)).toBe(amount)
	})
})

describe('lookUpPaymentSlip and the payment page', () => {
	test('the right pair opens the page: fee, the full amount (no discount without login), due date, account, the slip VS and its QR code; nothing about the person', async () => {
		const view = await viewOf(await lookUp(vs, '720,00'))
		expect(view).toMatchObject({ status: 'open', amount: 72_000, variableSymbol: vs, iban: 'CZ87 0300 0000 0000 1778 9001', fees: [{ year: 2026 }] })
		if (view.status !== 'open') throw new Error('open expected')
		expect(view.fees[0]!.label).toMatch(/odpad/i)
		expect(view.spayd).toContain('AM:720.00')
		expect(view.spayd).toContain(`X-VS:${vs}`)
		expect(view.qrSvg).toMatch(/^<svg/)
		// The town's rule (the default): the discount is only for a portal payment after login, said with both prices.
		expect(view.discount).toMatchObject({ kind: 'login_only', percent: 20, amountWithLogin: 57_600 })
		if (view.discount.kind === 'login_only') expect(view.discount.until.toISOString().slice(0, 10)).toBe('2026-05-31')
		const output = JSON.stringify(view)
		for (const personal of [janaWaste!.given_name, janaWaste!.family_name, janaWaste!.date_of_birth.toISOString().slice(0, 10), 'vnm-r-jana'])
			expect(output).not.toContain(personal)
		// The lookup is audited with the VS and the claim, never the amount typed.
		const [entry] = await db.auditLog.findMany({ where: { requestId } })
		expect(entry).toMatchObject({
			action: 'payment.slip_lookup',
			outcome: 'ok',
			subject: `Claim:${janaWaste!.id}`,
			ip: '203.0.113.10',
			details: { variableSymbol: vs, result: 'claim' },
		})
		expect(JSON.stringify(entry!.details)).not.toContain('720')
	})

	test('a reminder prints what is still owed: that amount matches too', async () => {
		await sql(`UPDATE ${schema}.claim SET status = 'partly_paid', paid_amount = 20000 WHERE id = $1`, [janaWaste!.id])
		const view = await viewOf(await lookUp(vs, '520'))
		expect(view).toMatchObject({ status: 'open', amount: 52_000 })
		expect((await lookUp(vs, '720')).status).toBe('found')
	})

	test('a wrong amount and an unknown VS get the same answer, a paid claim too; each failure is audited', async () => {
		const wrong = await lookUp(vs, '721')
		const unknown = await lookUp('9999999999', '720')
		await sql(`UPDATE ${schema}.claim SET status = 'paid', paid_amount = 72000 WHERE id = $1`, [janaWaste!.id])
		const paid = await lookUp(vs, '720')
		expect([wrong, unknown, paid]).toEqual([{ status: 'not_found' }, { status: 'not_found' }, { status: 'not_found' }])
		const entries = await db.auditLog.findMany({ where: { requestId }, orderBy: { at: 'asc' } })
		expect(entries.map((entry) => [entry.outcome, (entry.details as { variableSymbol: string }).variableSymbol])).toEqual([
			['failed', vs],
			['failed', '9999999999'],
			['failed', vs],
		])
	})

	test('after the discount deadline the page asks for the full amount and says nothing about a discount', async () => {
		const view = await viewOf(await lookUp(vs, '720', { now: JUNE }), JUNE)
		expect(view).toMatchObject({ status: 'open', amount: 72_000, discount: { kind: 'none' } })
	})

	test('where the rulebook allows the discount without login, the page asks for 576 Kč under a portal payment of its own that keeps the discount; a second lookup reuses it', async () => {
		await setDiscountWithoutLogin(true)
		const view = await viewOf(await lookUp(vs, '720'))
		expect(view).toMatchObject({ status: 'open', amount: 57_600, discount: { kind: 'kept' } })
		if (view.status !== 'open') throw new Error('open expected')
		expect(view.variableSymbol).not.toBe(vs)
		expect(view.spayd).toContain('AM:576.00')
		const again = await viewOf(await lookUp(vs, '720', { ip: '203.0.113.11' }))
		expect(again).toMatchObject({ variableSymbol: view.variableSymbol })
		const payments = await db.payment.findMany({
			select: { personId: true, state: true, amount: true, discountUntil: true, items: { select: { claimId: true } } },
		})
		expect(payments).toMatchObject([{ personId: null, state: 'pending', amount: 57_600, items: [{ claimId: janaWaste!.id }] }])
		// 576 Kč arriving with that VS by the deadline settles the claim with the discount.
		const [slipPayment] = await db.payment.findMany({ select: { id: true } })
		await db.$transaction((tx) =>
			creditPayment(tx, { paymentId: slipPayment!.id, received: 57_600, receivedAt: new Date('2026-03-03T08:00:00Z'), source: 'bank_statement' }),
		)
		expect(await db.claim.findUniqueOrThrow({ where: { id: janaWaste!.id }, select: { status: true, discountGranted: true } })).toEqual({
			status: 'paid',
			discountGranted: 14_400,
		})
		await sql(`TRUNCATE ${schema}.payment CASCADE`)
		await sql(`UPDATE ${schema}.claim SET status = 'open', paid_amount = 0, discount_granted = 0`)
		// After the deadline the setting changes nothing: full amount under the slip's VS.
		expect(await viewOf(await lookUp(vs, '720', { now: JUNE, ip: '203.0.113.12' }), JUNE)).toMatchObject({ amount: 72_000, variableSymbol: vs })
	})

	test('the VS and amount of a logged-in citizen’s portal QR payment open it as well', async () => {
		const person = await db.person.create({
			data: { personIdentifier: `CZ/CZ/${randomUUID()}`, givenName: 'Jana', familyName: 'Nováková', dateOfBirth: new Date('1985-03-14') },
			select: { id: true },
		})
		await db.resident.updateMany({ where: { externalId: 'vnm-r-jana-novakova' }, data: { personId: person.id } })
		const portal = await createOrReuseQrPayment({
			db,
			slug,
			ability: defineAbilityFor({ kind: 'citizen', personId: person.id }),
			personId: person.id,
			claimIds: [janaWaste!.id],
			now: MARCH,
		})
		const view = await viewOf(await lookUp(portal.variableSymbol, '576'))
		expect(view).toMatchObject({ status: 'open', amount: 57_600, variableSymbol: portal.variableSymbol, discount: { kind: 'kept' } })
		expect(JSON.stringify(view)).not.toContain('Nováková')
		expect((await lookUp(portal.variableSymbol, '720')).status).toBe('not_found')
		await db.resident.updateMany({ where: { externalId: 'vnm-r-jana-novakova' }, data: { personId: null } })
	})
})

describe('rate limits', () => {
	test('one VS takes 5 wrong amounts an hour, from any address; then even the right amount waits', async () => {
		for (let attempt = 0; attempt < 5; attempt++) expect(await lookUp(vs, `${100 + attempt}`, { ip: `198.51.100.${attempt}` })).toEqual({ status: 'not_found' })
		const refused = await lookUp(vs, '720', { ip: '198.51.100.99' })
		expect(refused).toMatchObject({ status: 'rate_limited' })
		// Another VS is not affected, and an hour later the VS works again.
		expect((await lookUp('1234', '1', { ip: '198.51.100.99' })).status).toBe('not_found')
		expect((await lookUp(vs, '720', { ip: '198.51.100.99', now: new Date(MARCH.getTime() + 60 * 60_000) })).status).toBe('found')
		const denied = await db.auditLog.findMany({ where: { requestId, outcome: 'denied' } })
		expect(denied.map((entry) => (entry.details as { result: string }).result)).toEqual(['rate_limited_vs'])
	})

	test('one address takes 10 lookups in 10 minutes, right or wrong; another address is not affected', async () => {
		for (let attempt = 0; attempt < 10; attempt++) await lookUp(`${attempt + 1}`, '100')
		expect(await lookUp(vs, '720')).toMatchObject({ status: 'rate_limited' })
		expect((await lookUp(vs, '720', { ip: '203.0.113.200' })).status).toBe('found')
	})
})

describe('the page link (capability)', () => {
	test('it expires after 30 minutes, a changed or another town’s link is invalid', async () => {
		const lookup = await lookUp(vs, '720')
		if (lookup.status !== 'found') throw new Error('found expected')
		const view = (token: string, now = MARCH, tenantId = tenant.id) => getSlipPaymentView({ db, tenantId, token, locale: 'en', now })
		expect((await view(lookup.token, new Date(MARCH.getTime() + 29 * 60_000))).status).toBe('open')
		expect((await view(lookup.token, new Date(MARCH.getTime() + 31 * 60_000))).status).toBe('expired')
		const [body, signature] = lookup.token.split('.')
		const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), i: randomUUID() })).toString('base64url')
		expect((await view(`${forged}.${signature}`)).status).toBe('invalid')
		const other = await createTown('slip-other')
		expect((await view(lookup.token, MARCH, other.tenant.id)).status).toBe('invalid')
		expect((await view(signSlipCapability({ tenantId: tenant.id, target: { kind: 'claim', id: randomUUID() }, now: MARCH }))).status).toBe('invalid')
	})

	test('a claim paid after the lookup shows as closed', async () => {
		const lookup = await lookUp(vs, '720')
		await sql(`UPDATE ${schema}.claim SET status = 'paid', paid_amount = 72000 WHERE id = $1`, [janaWaste!.id])
		expect((await viewOf(lookup)).status).toBe('closed')
	})
})

describe('the rulebook setting', () => {
	test('discountWithoutLogin defaults to false and must be true or false', async () => {
		const { RulebookSchema } = await import('../fees/rulebook-schema')
		const fee = {
			code: 'waste',
			kind: 'waste',
			names: { cs: 'Odpad', en: 'Waste', uk: 'Відходи' },
			rates: { '2026': 720 },
			instalments: [{ dueDate: '05-31', percent: 100 }],
		}
		const discount = { percent: 20, feeTypes: ['waste'], condition: 'portal_payment_by_due_date' }
		expect(RulebookSchema.parse({ feeTypes: [fee], discount }).discount?.discountWithoutLogin).toBe(false)
		expect(RulebookSchema.parse({ feeTypes: [fee], discount: { ...discount, discountWithoutLogin: true } }).discount?.discountWithoutLogin).toBe(true)
		expect(RulebookSchema.safeParse({ feeTypes: [fee], discount: { ...discount, discountWithoutLogin: 'yes' } }).success).toBe(false)
	})
})
