// Issue 15, the SMS channel against the SMSbrána simulator over real HTTP, with a real town database:
// the client and the encrypted credential, delivery states and counts, phone confirmation by code,
// and an announcement reaching by SMS exactly the citizens who chose SMS and confirmed a number.
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { startSmsSimulator } from '../../../simulators/sms'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { startJobs, stopJobs } from '../jobs/jobs.server'
import { NOTIFICATION_KINDS } from '../notifications/notification-kinds'
import { savePreferences } from '../notifications/preferences.server'
import { saveSubscribedTopics } from '../announcements/subscriptions.server'
import { sendAnnouncementPage } from '../announcements/send-announcement-page.server'
import { deliverSms } from './deliver-sms.server'
import { confirmPhone, startPhoneConfirmation } from './phone-confirmation.server'
import { loadSmsClient, setSmsCredential } from './sms-credentials.server'
import { SmsError } from './sms-provider'

const simulator = await startSmsSimulator({ accounts: [{ login: 'smstown', password: 'demo-secret' }] })
const town = await createTown('smstown', { submissionAgendas: [{ code: 'doprava', name: { cs: 'Doprava' } }] })
const db = getTenantDb(town.tenant)
const address = { slug: 'smstown', origin: 'https://smstown.test' }
await setSmsCredential({ db, values: { login: 'smstown', password: 'demo-secret', apiUrl: simulator.apiUrl }, actor: 'test' })

beforeAll(() => startJobs({ pool: getPool(), log: pino({ level: 'silent' }) }))
afterAll(async () => {
	await stopJobs()
	await simulator.stop()
})

async function queuedTexts(personId: string) {
	return db.smsMessage.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } })
}

describe('SMSbrána client against the simulator', () => {
	test('the stored credential is encrypted, and its client sends a text the simulator receives', async () => {
		const [row] = await sql<{ config: string }>(`SELECT config FROM tenant_smstown.sms_credential WHERE status = 'active'`)
		expect(row!.config).toMatch(/^enc:/)
		expect(row!.config).not.toContain('demo-secret')
		const provider = await loadSmsClient(db)
		const result = await provider!.client.send({ to: '+420777000001', text: 'Zkouska', reference: 'ref-1' })
		expect(result).toMatchObject({ parts: 1, isDuplicate: false })
		expect(simulator.textsTo('+420777000001').map((sms) => sms.message)).toEqual(['Zkouska'])
		// The same reference again: the gateway refuses it as a duplicate (err -1), nothing more is received.
		expect(await provider!.client.send({ to: '+420777000001', text: 'Zkouska', reference: 'ref-1' })).toMatchObject({ isDuplicate: true })
		expect(simulator.textsTo('+420777000001')).toHaveLength(1)
	})

	test('a wrong password is refused (err 3) and not worth retrying; the password never travels', async () => {
		const { createSmsBranaClient } = await import('./smsbrana-client.server')
		const client = createSmsBranaClient({ apiUrl: simulator.apiUrl, login: 'smstown', password: 'wrong' })
		const error = await client.send({ to: '+420777000002', text: 'x', reference: 'ref-2' }).catch((e: unknown) => e)
		expect(error).toBeInstanceOf(SmsError)
		expect(error).toMatchObject({ code: 'err_3', retryable: false })
		expect(simulator.textsTo('+420777000002')).toHaveLength(0)
	})

	test('delivery stores the state: sent with the provider id, a retryable failure stays queued, a final one counts as failed', async () => {
		const person = await db.person.create({ data: { givenName: 'Sms', familyName: 'Test' } })
		const make = (phone: string) => db.smsMessage.create({ data: { personId: person.id, phone, text: 'Svoz odpadu', purpose: 'notification' } })
		const ok = await make('+420777000003')
		expect(await deliverSms({ db, smsMessageId: ok.id, isLastAttempt: false })).toMatchObject({ state: 'sent' })
		const stored = await db.smsMessage.findUniqueOrThrow({ where: { id: ok.id } })
		expect(stored).toMatchObject({ state: 'sent', provider: 'smsbrana', parts: 1, attempts: 1 })
		expect(stored.providerMessageId).toBe(String(simulator.textsTo('+420777000003')[0]!.id))
		// Sent once: a repeated job does nothing.
		expect(await deliverSms({ db, smsMessageId: ok.id, isLastAttempt: false })).toEqual({ state: 'skipped' })
		expect(simulator.textsTo('+420777000003')).toHaveLength(1)

		const flaky = await make('+420777000004')
		simulator.controls.failNext = 1
		simulator.controls.failCode = 8
		await expect(deliverSms({ db, smsMessageId: flaky.id, isLastAttempt: false })).rejects.toThrow(/err 8/)
		expect(await db.smsMessage.findUniqueOrThrow({ where: { id: flaky.id } })).toMatchObject({ state: 'queued' })
		expect(await deliverSms({ db, smsMessageId: flaky.id, isLastAttempt: false })).toMatchObject({ state: 'sent' })

		const wrongNumber = await db.smsMessage.create({ data: { personId: person.id, phone: '+4201234', text: 'x', purpose: 'notification' } })
		expect(await deliverSms({ db, smsMessageId: wrongNumber.id, isLastAttempt: false })).toEqual({ state: 'failed' })
		expect(await db.smsMessage.findUniqueOrThrow({ where: { id: wrongNumber.id } })).toMatchObject({ state: 'failed', error: expect.stringMatching(/err 10/) })
	})
})

describe('phone confirmation', () => {
	test('a code goes by SMS; a wrong code is refused and changes nothing; the right one confirms the number', async () => {
		const person = await db.person.create({ data: { givenName: 'Petra', familyName: 'Telefonní' } })
		const base = { db, tenantSlug: 'smstown', townName: 'Smstown', personId: person.id, locale: 'cs' as const }
		expect(await startPhoneConfirmation({ ...base, phone: '12345' })).toEqual({ ok: false, reason: 'phone_invalid' })
		expect(await startPhoneConfirmation({ ...base, phone: '+420 222 123 456' })).toEqual({ ok: false, reason: 'phone_not_mobile' })
		expect(await startPhoneConfirmation({ ...base, phone: '777 555 001', code: '482913' })).toEqual({ ok: true })
		const [text] = await queuedTexts(person.id)
		expect(text).toMatchObject({ phone: '+420777555001', purpose: 'phone_code', state: 'queued' })
		expect(text!.text).toContain('482913')
		expect(text!.text).toMatch(/^Kod pro potvrzeni telefonu/)
		// A second code right away is refused (each text costs the town).
		expect(await startPhoneConfirmation({ ...base, phone: '777 555 001' })).toEqual({ ok: false, reason: 'code_too_soon' })

		expect(await confirmPhone({ db, personId: person.id, code: '000000' })).toEqual({ ok: false, reason: 'code_wrong' })
		expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ smsPhone: null, smsPhoneConfirmedAt: null })
		expect(await confirmPhone({ db, personId: person.id, code: '482913' })).toEqual({ ok: true })
		expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ smsPhone: '+420777555001' })
		expect(await db.phoneConfirmation.count({ where: { personId: person.id } })).toBe(0)
	})

	test('an expired code and too many wrong tries are refused; the number stays unconfirmed', async () => {
		const person = await db.person.create({ data: { givenName: 'Karel', familyName: 'Zkoušek' } })
		const base = { db, tenantSlug: 'smstown', townName: 'Smstown', personId: person.id, locale: 'en' as const }
		const then = new Date(Date.now() - 11 * 60_000)
		await startPhoneConfirmation({ ...base, phone: '+420777555002', code: '111111', now: then })
		expect(await confirmPhone({ db, personId: person.id, code: '111111' })).toEqual({ ok: false, reason: 'code_expired' })
		await startPhoneConfirmation({ ...base, phone: '+420777555002', code: '222222' })
		for (let i = 0; i < 4; i++) expect(await confirmPhone({ db, personId: person.id, code: '999999' })).toEqual({ ok: false, reason: 'code_wrong' })
		expect(await confirmPhone({ db, personId: person.id, code: '999999' })).toEqual({ ok: false, reason: 'code_attempts' })
		expect(await confirmPhone({ db, personId: person.id, code: '222222' })).toEqual({ ok: false, reason: 'code_attempts' })
		expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ smsPhone: null })
		expect((await queuedTexts(person.id)).at(-1)!.text).toMatch(/^Your code to confirm/)
	})
})

describe('announcements by SMS', () => {
	test('reach the subscribers who chose SMS and confirmed a number, and nobody else; delivery is counted', async () => {
		const withSms = new Set(NOTIFICATION_KINDS.flatMap((kind) => [`${kind}.portal`, `${kind}.email`, ...(kind === 'announcement' ? [`${kind}.sms`] : [])]))
		async function resident(name: string, { phone, sms, topic }: { phone: string | null; sms: boolean; topic: boolean }) {
			const person = await db.person.create({
				data: { givenName: name, familyName: 'Občan', email: `${name}@sms.test`, smsPhone: phone, smsPhoneConfirmedAt: phone ? new Date() : null },
			})
			await saveSubscribedTopics(db, person.id, topic ? ['doprava'] : [], ['doprava'])
			if (sms) await savePreferences(db, person.id, withSms)
			return person
		}
		const opted = await resident('alena', { phone: '+420777600001', sms: true, topic: true })
		await resident('bedrich', { phone: '+420777600002', sms: false, topic: true })
		await resident('cecilie', { phone: null, sms: true, topic: true })
		await resident('dusan', { phone: '+420777600004', sms: true, topic: false })
		const announcement = await db.announcement.create({
			data: { topic: 'doprava', title: 'Uzavírka ulice Masarykova', body: 'Od pondělí do pátku objížďka přes Náměstí.', recipients: 3 },
		})
		const page = await sendAnnouncementPage({ db, town: address, announcementId: announcement.id })
		expect(page).toMatchObject({ done: true, texts: 1, emailed: 3 })
		const texts = await db.smsMessage.findMany({ where: { announcementId: announcement.id } })
		expect(texts.map((sms) => sms.personId)).toEqual([opted.id])
		const delivery = await db.announcementDelivery.findUniqueOrThrow({
			where: { announcementId_personId: { announcementId: announcement.id, personId: opted.id } },
		})
		expect(delivery.smsMessageId).toBe(texts[0]!.id)
		// The job that the page queued in its transaction:
		const [job] = await sql<{ data: { smsMessageId: string } }>(`SELECT data FROM pgboss.job WHERE name = 'send-sms' AND data->>'smsMessageId' = $1`, [
			texts[0]!.id,
		])
		expect(job).toBeTruthy()
		await deliverSms({ db, smsMessageId: texts[0]!.id, isLastAttempt: false })
		expect(simulator.textsTo('+420777600001').map((sms) => sms.message)).toEqual(['Uzavirka ulice Masarykova\nOd pondeli do patku objizdka pres Namesti.'])
		for (const other of ['+420777600002', '+420777600004']) expect(simulator.textsTo(other)).toHaveLength(0)
		expect(await db.announcement.findUniqueOrThrow({ where: { id: announcement.id } })).toMatchObject({ texted: 1, failed: 0 })
	})
})
