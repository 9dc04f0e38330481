// Issue 15, messages with the office, in short steps that share one conversation (serial, one worker):
// a citizen writes to "odpady" with an attachment on a phone; the waste clerk finds it by a word without
// diacritics and the transport clerk cannot see it; the waste clerk answers with a canned reply and files
// the conversation to the demo's records system, which gives it a reference number; the citizen sees the
// reply and the unread badge. Then: an anonymous street-light reporter answers the office's question
// through the follow-up link of the confirmation e-mail, and a revoked link changes nothing; an
// announcement reaches the citizen who chose its topic by e-mail, not the one who did not, and the
// e-mail's unsubscribe link works without login.
import type { Page } from '@playwright/test'
import { DEMO_CANNED_REPLY } from '../app/modules/staff/demo-staff'
import { expect, test } from './fixtures'
import { holdNiaHandBack, pickAtNia } from './nia-login'
import { expectNoSideScroll, PHONE } from './small-screen'
import { signInStaff, signInVendor } from './staff-sign-in'
import { SERVER_ORIGIN, hosts, urlOn } from './urls'

test.describe.configure({ mode: 'serial' })

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const RECORDS = `http://127.0.0.1:${process.env.DEMO_RECORDS_PORT ?? '7004'}`
const WASTE_CLERK = 'odpady@veseli.example'
const TRANSPORT_CLERK = 'doprava@veseli.example'
const subject = `Kontejner na odpadky ${Date.now()}`
let threadPath = ''

type Check = () => Promise<void>

/** Opens the demo mail catcher (vendor sign-in) and the newest message to `to` whose row matches `text`; returns its page. */
async function openCaughtMail(page: Page, visit: (url: string) => Promise<unknown>, expectAccessible: Check, to: string, text: RegExp) {
	await visit(urlOn('platform', '/platform/mail'))
	if (page.url().includes('/platform/prihlaseni')) {
		await signInVendor(page, expectAccessible)
		await expect(page).toHaveURL(urlOn('platform', '/platform/mail'))
		await expectAccessible()
	}
	const row = page.getByRole('row').filter({ hasText: to }).filter({ hasText: text })
	await expect.poll(async () => (await page.reload(), await row.count()), { timeout: 45_000 }).toBeGreaterThan(0)
	await row.first().getByRole('link').first().click()
	await expect(page).toHaveURL(/\/platform\/mail\/[0-9a-f-]{36}$/)
	await expectAccessible()
}

test('a citizen writes to "odpady" with an attachment, on a phone', async ({ page, visit, expectAccessible }) => {
	await page.setViewportSize(PHONE)
	await holdNiaHandBack(page)
	await visit(urlOn('veseli', '/zpravy/nova'))
	await pickAtNia(page, 'Marie Horáková', expectAccessible)
	await expect(page).toHaveURL(/\/zpravy\/nova/, { timeout: 30_000 })
	await expectAccessible()
	await expectNoSideScroll(page)
	await page.getByLabel('Téma').selectOption('odpady')
	await page.getByLabel('Předmět').fill(subject)
	await page.getByLabel('Text zprávy').fill('U zastávky chybí kontejner na tříděný odpad.')
	await page.getByLabel('Přílohy (nepovinné)').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PNG })
	await page.getByRole('button', { name: 'Odeslat zprávu' }).click()
	await expect(page.getByRole('status')).toHaveText('Zpráva byla odeslána úřadu.')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject)
	await expect(page.getByRole('link', { name: 'foto.png' })).toBeVisible()
	await expectAccessible()
	await expectNoSideScroll(page)
	threadPath = new URL(page.url()).pathname.replace(/^\/zpravy\//, '/urad/zpravy/')
})

test("another agenda's clerk does not see it", async ({ page, visit, expectAccessible }) => {
	expect(threadPath).not.toBe('')
	await visit(urlOn('veseli', '/urad/zpravy?q=trideny%20odpad'))
	await signInStaff(page, TRANSPORT_CLERK, expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zprávy občanů')
	await expect(page.getByRole('link', { name: subject })).toHaveCount(0)
	await expectAccessible()
	// Its address answers as if it did not exist.
	await visit(urlOn('veseli', threadPath), { status: 404 })
})

test('the waste clerk answers with a canned reply and files the conversation, getting a reference number', async ({
	page,
	visit,
	expectAccessible,
	request,
}) => {
	await visit(urlOn('veseli', '/urad/zpravy'))
	await signInStaff(page, WASTE_CLERK, expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zprávy občanů')
	await expectAccessible()
	await page.getByLabel('Hledat v předmětu a textu').fill('trideny odpad')
	await page.getByRole('button', { name: 'Filtrovat' }).click()
	await expect(page).toHaveURL(/q=trideny/)
	await expect(page.getByRole('link', { name: subject })).toBeVisible()
	await expectAccessible()
	await page.getByRole('link', { name: subject }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject)
	await expectAccessible()
	await page.getByLabel('Šablona odpovědi').selectOption({ label: DEMO_CANNED_REPLY.title })
	await page.getByRole('button', { name: 'Odeslat', exact: true }).click()
	await expect(page.getByRole('status')).toHaveText('Odpověď byla odeslána.')
	await expect(page.getByText(DEMO_CANNED_REPLY.body)).toBeVisible()
	await expectAccessible()

	await page.getByRole('button', { name: 'Založit celou konverzaci do spisové služby' }).click()
	await expect(page.getByRole('status')).toHaveText(/Konverzace se zakládá do spisové služby/)
	await expectAccessible()
	// The job delivers it (the demo's scheduler looks every few seconds); the page shows the number.
	const filing = page.getByTestId('filing')
	await expect(async () => {
		await page.reload()
		await expect(filing).toContainText('Založeno', { timeout: 1_000 })
	}).toPass({ timeout: 30_000 })
	const reference = (await filing.locator('strong').textContent())!
	expect(reference).toMatch(/^MUVES \d+\/\d{4}$/)
	await expect(page.getByRole('button', { name: 'Založit celou konverzaci do spisové služby' })).toHaveCount(0)
	await expectAccessible()
	// The records system holds one document for it, with that number, the reply and the photo.
	const documents = (await (await request.get(`${RECORDS}/api/documents`)).json()) as {
		submissionId: string
		referenceNumber: string
		duplicates: number
		payload: { messages: { body: string }[]; attachments: { fileName: string }[] }
	}[]
	const filed = documents.filter((doc) => doc.referenceNumber === reference)
	expect(filed).toHaveLength(1)
	expect(filed[0]!.submissionId).toMatch(/^thread-/)
	expect(filed[0]!.payload.messages.map((m) => m.body)).toEqual(['U zastávky chybí kontejner na tříděný odpad.', DEMO_CANNED_REPLY.body])
	expect(filed[0]!.payload.attachments.map((a) => a.fileName)).toEqual(['foto.png'])
})

test('the citizen sees the reply and the unread badge', async ({ page, visit, expectAccessible }) => {
	await holdNiaHandBack(page)
	await visit(urlOn('veseli', '/oznameni'))
	await pickAtNia(page, 'Marie Horáková', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oznámení', { timeout: 30_000 })
	await expect(page.getByTestId('unread-badge')).toBeVisible()
	await expectAccessible()
	await page.getByRole('link', { name: `Úřad odpověděl: ${subject}` }).click()
	await expect(page.getByText(DEMO_CANNED_REPLY.body)).toBeVisible()
	await expect(page.getByText('Úřad – Olga Odpadová')).toBeVisible()
	await expectAccessible()
})

const reporter = `svetlo-${Date.now()}@example.test`
let followupLink = ''
let lightNumber = ''

test('an anonymous street-light reporter files a report and the transport clerk asks a question', async ({ page, visit, expectAccessible }) => {
	await visit(urlOn('veseli', '/formulare/nefunkcni-osvetleni'))
	await page.getByLabel(/Kde \(ulice, číslo sloupu\)/).fill('Masarykova, sloup 23')
	await page.getByRole('radio', { name: 'Bliká' }).check()
	await page.getByLabel('E-mail pro odpověď (nepovinný)').fill(reporter)
	await page.getByRole('button', { name: 'Odeslat podání' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Podání bylo odesláno' })).toBeVisible()
	lightNumber = (await page.getByText(/^VES-\d{4}-\d{6}$/).textContent())!
	await expectAccessible()

	// The transport clerk asks a question.
	await page.context().clearCookies()
	await visit(urlOn('veseli', `/urad/podani?q=${lightNumber}`))
	await signInStaff(page, TRANSPORT_CLERK, expectAccessible)
	await expect(page.getByRole('link', { name: lightNumber })).toBeVisible()
	await expectAccessible()
	await page.getByRole('link', { name: lightNumber }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lightNumber)
	await expectAccessible()
	await page.getByLabel('Nový stav').selectOption('needs_info')
	await page.getByLabel('Zpráva pro občana').fill('Na kterou stranu ulice sloup stojí?')
	await page.getByRole('button', { name: 'Uložit' }).click()
	await expect(page.getByRole('status')).toHaveText('Stav byl změněn.')
	await expectAccessible()
})

test('the reporter answers through the private link of the confirmation e-mail', async ({ page, visit, expectAccessible }) => {
	expect(lightNumber).not.toBe('')
	// The confirmation e-mail in the demo mail catcher carries the private link.
	await openCaughtMail(page, visit, expectAccessible, reporter, new RegExp(`Potvrzení podání ${lightNumber}`))
	followupLink = (await page.locator('a[href*="/sledovat/"]').first().getAttribute('href'))!
	expect(followupLink).toMatch(new RegExp(`^${urlOn('veseli', '/sledovat/')}`))

	await page.context().clearCookies()
	await visit(followupLink)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Podání ${lightNumber}`)
	await expect(page.getByText('Na kterou stranu ulice sloup stojí?')).toBeVisible()
	await page.getByLabel('Vaše odpověď').fill('Sloup stojí u lékárny, na straně se sudými čísly.')
	await page.getByRole('button', { name: 'Odeslat odpověď' }).click()
	await expect(page).toHaveURL(/odpovezeno=1/)
	await expect(page.getByText('Sloup stojí u lékárny, na straně se sudými čísly.')).toBeVisible()
	await expectAccessible()
})

test('a revoked follow-up link gives a clear page and changes nothing', async ({ page, visit, expectAccessible, request }) => {
	expect(followupLink).not.toBe('')
	await visit(urlOn('veseli', '/urad/zpravy'))
	await signInStaff(page, TRANSPORT_CLERK, expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zprávy občanů')
	await expectAccessible()
	await page.getByRole('link', { name: lightNumber, exact: true }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lightNumber)
	await expect(page.getByText('Sloup stojí u lékárny, na straně se sudými čísly.')).toBeVisible()
	await expectAccessible()
	await page.getByRole('button', { name: 'Zrušit soukromý odkaz' }).click()
	await expect(page.getByRole('status')).toHaveText('Soukromý odkaz byl zrušen; už nic neotevře.')
	await expectAccessible()
	const threadUrl = page.url()

	await visit(followupLink, { status: 410 })
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Odkaz byl zrušen')
	await expect(page.getByText('Sloup stojí')).toHaveCount(0)
	// An answer sent to the revoked link is refused and adds nothing.
	const path = new URL(followupLink).pathname
	const refused = await request.post(`${SERVER_ORIGIN}${path}`, {
		headers: { host: hosts.veseli, origin: urlOn('veseli', '') },
		form: { body: 'Ještě jedna zpráva po zrušení.' },
		maxRedirects: 0,
	})
	expect(refused.status()).toBe(410)
	await visit(threadUrl.split('?')[0]!)
	await expect(page.getByText('Sloup stojí u lékárny, na straně se sudými čísly.')).toBeVisible()
	await expect(page.getByText('Ještě jedna zpráva po zrušení.')).toHaveCount(0)
})

test('one citizen chooses the announcement topic "Odpady" in her profile, another does not', async ({ page, visit, expectAccessible }) => {
	// Jana chooses the topic "Odpady"; Josef signs in and keeps his topics empty.
	await holdNiaHandBack(page)
	for (const [persona, chooses] of [
		['Jana Nováková', true],
		['Josef Dvořák', false],
	] as const) {
		await page.context().clearCookies()
		await visit(urlOn('veseli', '/profil'))
		await pickAtNia(page, persona, expectAccessible)
		await expect(page).toHaveURL(/\/profil/, { timeout: 30_000 })
		if (chooses) await expectAccessible()
		const topic = page.getByRole('checkbox', { name: 'Odpady' })
		if (chooses) await topic.check()
		else await topic.uncheck()
		await page.getByRole('button', { name: 'Uložit nastavení oznámení' }).click()
		await expect(page.getByText('Nastavení oznámení bylo uloženo.')).toBeVisible()
		await expectAccessible()
	}
})

test('an announcement reaches the citizen who chose its topic by e-mail, not the other; unsubscribing works without login', async ({
	page,
	visit,
	expectAccessible,
}) => {
	const title = `Svoz odpadu posunut ${Date.now()}`
	await visit(urlOn('veseli', '/urad/zpravy/oznameni'))
	await signInStaff(page, WASTE_CLERK, expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oznámení obce')
	await expectAccessible()
	await page.getByLabel('Téma').selectOption('odpady')
	await page.getByLabel('Nadpis').fill(title)
	await page.getByLabel('Text oznámení').fill('Svoz tříděného odpadu se tento týden posouvá na sobotu.')
	await page.getByRole('button', { name: 'Odeslat oznámení' }).click()
	await expect(page.getByRole('status')).toHaveText('Oznámení se odesílá; průběh vidíte níže.')
	await expect(async () => {
		await page.reload()
		await expect(page.getByText(/Odesláno \d+ příjemcům\./).first()).toBeVisible({ timeout: 1_000 })
	}).toPass({ timeout: 30_000 })
	await expectAccessible()

	// To Jana's notification address, whatever it is now (another spec changes it on her profile): the
	// one row with the title, below, is hers.
	await openCaughtMail(page, visit, expectAccessible, '@', new RegExp(title))
	const unsubscribe = (await page.locator('a[href*="/odhlasit-odber/"]').first().getAttribute('href'))!
	await visit(urlOn('platform', '/platform/mail'))
	await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(1)
	await expect(page.getByRole('row').filter({ hasText: 'josef.dvorak@example.cz' }).filter({ hasText: title })).toHaveCount(0)

	await page.context().clearCookies()
	await visit(unsubscribe)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Odhlášení odběru')
	await page.getByRole('button', { name: 'Odhlásit odběr' }).click()
	await expect(page.getByText('Odběr byl odhlášen. Témata můžete kdykoli znovu vybrat v profilu.')).toBeVisible()
	await expectAccessible()
})
