// The bank pages as signed-in staff meet them: the payments clerk uploads, sees the summary and
// matches from the queue; a clerk without the payments agenda and a clerk of another town cannot.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { createStaffMember, form, officeRequest, TEST_PASSWORD, townContext } from '../../../tests/staff'
import { action as uploadAction, loader as bankLoader } from '../../routes/urad.banka._index'
import { loader as queueLoader } from '../../routes/urad.banka.nesparovane'
import { action as movementAction } from '../../routes/urad.banka.pohyb.$id'
import { makeVariableSymbol } from '../claims/variable-symbol'
import { getTenantDb } from '../db/tenant-db.server'
import { signInStaff } from '../staff/sign-in-staff.server'
import { generateGpc } from './generate-gpc'

const town = await createTown('bankroutes')
const other = await createTown('bankroutes-other')
const context = townContext(town)
const db = getTenantDb(town.tenant)

async function cookieFor(t: typeof town, email: string, agendas: ('payments' | 'submissions')[]) {
	await createStaffMember(t, { email })
	await getTenantDb(t.tenant).staffUser.update({ where: { email }, data: { agendas } })
	const signedIn = await signInStaff({ request: officeRequest('/urad/prihlaseni', null, form({})), context: townContext(t), email, password: TEST_PASSWORD })
	if (!signedIn.ok) throw new Error('sign-in refused')
	return signedIn.cookie
}
const payments = await cookieFor(town, 'platby@bank.test', ['payments'])
const submissions = await cookieFor(town, 'podani@bank.test', ['submissions'])
const elsewhere = await cookieFor(other, 'platby@other.test', ['payments'])

const resident = await db.resident.create({ data: { givenName: 'Marie', familyName: 'Horáková', dateOfBirth: new Date('1990-02-02') } })
const claim = await db.claim.create({
	data: {
		residentId: resident.id,
		feeType: 'dog',
		year: 2026,
		label: { cs: 'Pes' },
		baseAmount: 30000,
		amount: 30000,
		dueDate: new Date('2026-06-30'),
		variableSymbol: makeVariableSymbol(2026, 77),
		generationKey: 'r:1',
	},
})

const upload = (cookie: string, bytes: Buffer, name = 'vypis.gpc') => {
	const body = new FormData()
	body.append('file', new File([new Uint8Array(bytes)], name))
	return uploadAction({ request: officeRequest('/urad/banka?index', cookie, { method: 'POST', body }), context, params: {} })
}
const outcome = async (run: () => Promise<unknown>) => {
	try {
		const result = await run()
		if (result instanceof Response) return { status: result.status, location: result.headers.get('location') }
		if (result && typeof result === 'object' && 'init' in result)
			return { status: (result as { init: { status?: number } }).init.status ?? 200, data: (result as unknown as { data: unknown }).data }
		return { status: 200, data: result }
	} catch (error) {
		if (error instanceof Response) return { status: error.status, location: error.headers.get('location') }
		if (error && typeof error === 'object' && 'init' in error) return { status: (error as { init: { status: number } }).init.status }
		throw error
	}
}

describe('bank routes', () => {
	test('the payments clerk uploads a statement, it finishes in the background, the summary and the queue show it, a match needs a note', async () => {
		const bytes = generateGpc({ account: '99', movements: [{ id: '1', vs: '31', amount: 30000, date: '2026-05-05', name: 'M. Horakova' }] })
		const broken = Buffer.from(bytes.toString('latin1').replace('\r\n075', '\r\n07X'), 'latin1')
		const refused = await outcome(() => upload(payments, broken))
		expect(refused).toMatchObject({ status: 400, data: { error: 'upload.errors.rejected', lines: ['Řádek 2: neznámý typ záznamu 07X.'] } })
		expect(await db.bankStatement.count()).toBe(0)

		const started = await outcome(() => upload(payments, bytes))
		expect(started.status).toBe(303)
		const statementId = new URL(started.location!, 'http://x').searchParams.get('vypis')!
		await expect.poll(async () => (await db.bankStatement.findUniqueOrThrow({ where: { id: statementId } })).finishedAt, { timeout: 10_000 }).not.toBeNull()
		const page = (await bankLoader({ request: officeRequest(`/urad/banka?vypis=${statementId}`, payments), context, params: {} })) as {
			current: { summary: { unmatched: number }; waiting: number }
			total: number
		}
		expect([page.current.summary.unmatched, page.current.waiting, page.total]).toEqual([1, 1, 1])

		const queue = (await queueLoader({ request: officeRequest('/urad/banka/nesparovane?min=299,50&max=300', payments), context, params: {} })) as {
			movements: { id: string; amount: number }[]
		}
		expect(queue.movements.map((m) => m.amount)).toEqual([30000])
		const movementId = queue.movements[0]!.id
		const match = (note: string, cookie = payments) =>
			outcome(() =>
				movementAction({
					request: officeRequest(`/urad/banka/pohyb/${movementId}`, cookie, form({ intent: 'match', claimId: claim.id, note })),
					context,
					params: { id: movementId },
				}),
			)
		expect(await match('  ')).toMatchObject({ status: 400, data: { error: 'movement.errors.note' } })
		expect(await match('ok', submissions)).toMatchObject({ status: 403 })
		expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('open')
		expect(await match('Platba psa, špatný VS')).toMatchObject({ status: 303, location: `/urad/banka/pohyb/${movementId}?hotovo=paid` })
		expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('paid')
		expect(await match('Podruhé')).toMatchObject({ status: 409 })
	})

	test('a clerk without the payments agenda is refused (403, audited); a clerk of another town is sent to sign in', async () => {
		expect(await outcome(() => bankLoader({ request: officeRequest('/urad/banka', submissions), context, params: {} }))).toMatchObject({ status: 403 })
		expect(await outcome(() => upload(submissions, generateGpc({ account: '1', movements: [{ amount: 100, date: '2026-01-01' }] })))).toMatchObject({
			status: 403,
		})
		expect(await db.auditLog.count({ where: { action: 'access.denied', details: { path: ['path'], equals: '/urad/banka' } } })).toBeGreaterThanOrEqual(2)
		const foreign = await outcome(() => bankLoader({ request: officeRequest('/urad/banka', elsewhere), context, params: {} }))
		expect(foreign.status).toBe(302)
		expect(foreign.location).toMatch(/^\/urad\/prihlaseni/)
	})
})
