// The town's SMS gateway account (/urad/sms): an admin sets it (stored encrypted, shown masked, audited
// without the values) and turns it off; bad input and an API address that is not SMSbrána's are refused
// at their field and store nothing; a clerk is refused.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { form, officeRequest, signedInStaffCookie, townContext } from '../../../tests/staff'
import { action, loader } from '../../routes/urad.sms'
import { getTenantDb } from '../db/tenant-db.server'
import { hasSmsProvider, loadSmsClient } from './sms-credentials.server'

const town = await createTown('smsgateway')
const context = townContext(town)
const db = getTenantDb(town.tenant)
const path = '/urad/sms'

const cookieFor = (email: string, roles: ('admin' | 'clerk')[]) => signedInStaffCookie(town, email, roles)
const admin = await cookieFor('admin@smsgateway.test', ['admin'])
const clerk = await cookieFor('clerk@smsgateway.test', ['clerk'])
const post = (cookie: string, fields: Record<string, string>) => action({ request: officeRequest(path, cookie, form(fields)), context, params: {} })
type Refused = { data: { fields: string[]; login: string }; init: { status: number } }

describe('the SMS gateway page', () => {
	test('a clerk may neither open the page nor set the account', async () => {
		await expect(loader({ request: officeRequest(path, clerk), context, params: {} })).rejects.toMatchObject({ init: { status: 403 } })
		await expect(post(clerk, { intent: 'set', login: 'obec', password: 'tajne' })).rejects.toMatchObject({ init: { status: 403 } })
		expect(await db.smsCredential.count()).toBe(0)
	})

	test('bad input is refused at its field and stores nothing', async () => {
		const cases: [Record<string, string>, string[]][] = [
			[{ intent: 'set', login: '  ', password: 'tajne' }, ['login']],
			[{ intent: 'set', login: 'obec', password: '' }, ['password']],
			[{ intent: 'set', login: '', password: '' }, ['login', 'password']],
			[{ intent: 'set', login: 'obec', password: 'tajne', apiUrl: 'https://sms.example.com/http.php' }, ['apiUrl']],
		]
		for (const [fields, refusedFields] of cases) {
			const refused = (await post(admin, fields)) as unknown as Refused
			expect(refused.init.status, JSON.stringify(fields)).toBe(400)
			expect(refused.data.fields.sort()).toEqual(refusedFields)
		}
		expect(await db.smsCredential.count()).toBe(0)
		expect(await db.auditLog.count({ where: { action: { startsWith: 'sms.' } } })).toBe(0)
	})

	test('set: encrypted, masked on the page, audited without the values; a new account replaces it; off turns SMS off', async () => {
		const saved = (await post(admin, { intent: 'set', login: 'obec_veseli', password: 'velmi-tajne-heslo' })) as Response
		expect(saved.headers.get('location')).toBe('/urad/sms?ulozeno=1')
		expect(await hasSmsProvider(db)).toBe(true)
		const [row] = await db.smsCredential.findMany()
		expect(row?.config).not.toContain('velmi-tajne-heslo')
		expect(row?.config).not.toContain('obec_veseli')
		expect((await loadSmsClient(db))?.provider).toBe('smsbrana')

		const page = await loader({ request: officeRequest(path, admin), context, params: {} })
		expect(page.active).toBe('obe… @ api.smsbrana.cz')
		expect(JSON.stringify(page)).not.toContain('velmi-tajne-heslo')

		const audit = await db.auditLog.findMany({ where: { action: 'sms.credential_set' }, select: { details: true } })
		expect(audit).toEqual([{ details: { hint: 'obe… @ api.smsbrana.cz' } }])

		// The backup endpoint is SMSbrána's own: accepted; the first account is retired.
		await post(admin, { intent: 'set', login: 'obec2', password: 'jine', apiUrl: 'https://api-backup.smsbrana.cz/smsconnect/http.php' })
		expect((await db.smsCredential.findMany({ orderBy: { createdAt: 'asc' }, select: { status: true } })).map((r) => r.status)).toEqual(['retired', 'active'])

		const off = (await post(admin, { intent: 'retire' })) as Response
		expect(off.headers.get('location')).toBe('/urad/sms?vypnuto=1')
		expect(await hasSmsProvider(db)).toBe(false)
		expect(await db.auditLog.count({ where: { action: 'sms.retired' } })).toBe(1)
		expect((await loader({ request: officeRequest(path, admin), context, params: {} })).active).toBeNull()
	})
})
