// Payment reminders end to end: the job finds the claims due in N days (or N days overdue), e-mails
// the citizen (or whoever confirmedly acts for the resident) in their language with a QR Platba code
// that decodes to the right payment, and never sends the same reminder twice.
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { type MailCapture } from '../../../simulators/smtp/mail-capture'
import { createTown, sql } from '../../../tests/db'
import { makeVariableSymbol } from '../claims/variable-symbol'
import { tenantSchemaName } from '../db/schema-name'
import { getTenantDb } from '../db/tenant-db.server'
import { enqueueJob } from '../jobs/enqueue.server'
import { sendClaimRemindersJob } from './reminders-jobs'
import { getJobQueue } from '../jobs/jobs.server'
import { startMailAndJobs, stopMailAndJobs } from '../../../tests/mail'
import { townUrl } from '../tenancy/town-origin.server'

const SLUG = 'reminder-town'
const IBAN = 'CZ8703000000000017789001'
const RULES = {
	feeTypes: [
		{
			code: 'waste',
			kind: 'waste',
			names: { cs: 'Poplatek za odpad', en: 'Waste fee', uk: 'Збір за відходи' },
			rates: { '2027': 720 },
			instalments: [{ dueDate: '05-31', percent: 100 }],
		},
	],
	discount: { percent: 20, feeTypes: ['waste'], condition: 'portal_payment_by_due_date' },
	reminders: { daysBefore: [14], daysAfter: [7] },
}

const town = await createTown(SLUG, { fees: RULES, locales: { default: 'cs', enabled: ['cs', 'en', 'uk'] } })
const db = getTenantDb(town.tenant)
const schema = tenantSchemaName(SLUG)
let capture: MailCapture
let seq = 0

async function person(email: string, locale: string | null = null) {
	return db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková', email, preferredLocale: locale } })
}

async function claim({ personId, due, paid = 0, representedBy }: { personId?: string; due: string; paid?: number; representedBy?: string }) {
	const resident = await db.resident.create({ data: { givenName: 'Eliška', familyName: 'Nováková', dateOfBirth: new Date('2022-02-02'), personId } })
	if (representedBy) await db.representation.create({ data: { personId: representedBy, residentId: resident.id, confirmedAt: new Date() } })
	seq++
	return db.claim.create({
		data: {
			residentId: resident.id,
			feeType: 'waste',
			year: 2027,
			label: { cs: 'poplatek za odpad', en: 'waste fee', uk: 'збір за відходи' },
			baseAmount: 72000,
			amount: 72000,
			discountPercent: 20,
			discountAmount: 14400,
			discountUntil: new Date(due),
			dueDate: new Date(due),
			variableSymbol: makeVariableSymbol(2027, seq),
			generationKey: `r:${seq}`,
			paidAmount: paid,
			status: paid ? 'partly_paid' : 'open',
		},
	})
}

async function runReminders(today: string) {
	const id = await enqueueJob(sendClaimRemindersJob, { tenantSlug: SLUG, today })
	for (let i = 0; i < 100; i++) {
		const job = await getJobQueue().getJobById('send-claim-reminders', id)
		if (job?.state === 'completed') return (job.output as { result: { sent: number; alreadySent: number; noAddress: number } }).result
		if (job?.state === 'failed') throw new Error(`reminder job failed: ${JSON.stringify(job.output)}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	throw new Error('reminder job did not finish')
}

function decodeQr(png: Buffer) {
	const image = PNG.sync.read(png)
	return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

beforeAll(async () => {
	capture = await startMailAndJobs()
})

afterAll(async () => {
	await stopMailAndJobs(capture)
})

beforeEach(async () => {
	await sql(`TRUNCATE ${schema}.payment, ${schema}.claim, ${schema}.reminder, ${schema}.resident CASCADE`)
})

describe('payment reminders', () => {
	test('14 days before the due date the citizen gets one e-mail in their language with a QR code for the claim, once', async () => {
		const jana = await person('jana.reminder@example.test', 'en')
		const c = await claim({ personId: jana.id, due: '2027-05-31' })
		await claim({ personId: jana.id, due: '2027-06-30' }) // not due in 14 days: no reminder

		expect(await runReminders('2027-05-17')).toEqual({ sent: 1, alreadySent: 0, noAddress: 0 })
		const mail = await capture.waitFor((m) => m.to.includes('jana.reminder@example.test'))
		expect(mail.subject).toBe('Reminder: waste fee is due on 31/05/2027')
		expect(mail.text).toMatch(/Left to pay: CZK\s720\.00/)
		expect(mail.text).toContain(`Variable symbol: ${c.variableSymbol}`)
		expect(mail.links.map((l) => l.href)).toContain(townUrl(`${SLUG}.test`, `/platby/${c.id}`))
		// The discount is still open: the QR is a portal payment of 80 % with its own VS, so paying from the e-mail keeps it.
		expect(mail.text).toMatch(/takes 20 % off: you pay only CZK\s576\.00/)
		const payment = await db.payment.findFirstOrThrow({ where: { items: { some: { claimId: c.id } } } })
		expect(payment).toMatchObject({ method: 'bank_transfer', state: 'pending', amount: 57600, personId: jana.id })
		const qr = mail.attachments.find((a) => a.filename === 'qr-platba.png')
		expect(qr).toMatchObject({ contentType: 'image/png', inline: true })
		expect(mail.html).toContain(`src="cid:${qr!.cid}"`)
		const spayd = decodeQr(qr!.content)
		expect(spayd).toContain(`ACC:${IBAN}`)
		expect(spayd).toContain('AM:576.00')
		expect(spayd).toContain(`X-VS:${payment.variableSymbol}`)

		// The same day again (a retry, a second worker): nothing more is sent.
		expect(await runReminders('2027-05-17')).toEqual({ sent: 0, alreadySent: 1, noAddress: 0 })
		const events = await db.claimEvent.findMany({ where: { claimId: c.id, kind: 'reminder' } })
		expect(events).toHaveLength(1)
	})

	test('7 days after the due date an unpaid claim is reminded for what is left; a paid one is not', async () => {
		const jana = await person('jana.overdue@example.test')
		const partly = await claim({ personId: jana.id, due: '2027-05-31', paid: 20000 })
		const paid = await claim({ personId: jana.id, due: '2027-05-31' })
		await db.claim.update({ where: { id: paid.id }, data: { status: 'paid', paidAmount: 72000 } })

		expect(await runReminders('2027-06-07')).toMatchObject({ sent: 1 })
		const mail = await capture.waitFor((m) => m.to.includes('jana.overdue@example.test'))
		expect(mail.subject).toBe('Neuhrazený poplatek: poplatek za odpad byl splatný 31. 5. 2027')
		expect(mail.text).toMatch(/Zbývá uhradit: 520,00\sKč/)
		// Past the due date no discount: the QR pays the rest under the claim's own VS.
		const spayd = decodeQr(mail.attachments.find((a) => a.filename === 'qr-platba.png')!.content)
		expect(spayd).toContain(`X-VS:${partly.variableSymbol}`)
		expect(spayd).toContain('AM:520.00')
		expect(await db.reminder.count({ where: { claimId: paid.id } })).toBe(0)
	})

	test("a child's claim is reminded to the parent who acts for the child; without any address nothing is sent", async () => {
		const parent = await person('parent.reminder@example.test', 'uk')
		await claim({ due: '2027-05-31', representedBy: parent.id })
		await claim({ due: '2027-05-31' })

		expect(await runReminders('2027-05-17')).toEqual({ sent: 1, alreadySent: 0, noAddress: 1 })
		const mail = await capture.waitFor((m) => m.to.includes('parent.reminder@example.test'))
		expect(mail.subject).toContain('Нагадування')
		expect(mail.text).toContain('Eliška Nováková')
	})
})
