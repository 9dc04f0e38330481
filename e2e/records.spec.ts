// Issue 6: at Veselí a citizen registers a dog; the demo's records system (simulators/records)
// receives it, and the citizen sees "delivered" with the reference number, then the clerk it was
// assigned to and "resolved" as a tester reports them on the simulator's own pages.
import { expect, test } from './fixtures'
import { registerDog } from './register-dog'
import { expectFitsPhone, expectNoSideScroll, PHONE } from './small-screen'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

// Both journeys below file a dog registration as Petr Svoboda: they run one after the other in one
// worker, never side by side (the suite is otherwise fully parallel).
test.describe.configure({ mode: 'default' })

const RECORDS = `http://127.0.0.1:${process.env.DEMO_RECORDS_PORT ?? '7004'}`

test('the records system files the submission, and the citizen follows it to "resolved"', async ({ page, visit, expectAccessible }) => {
	// A long journey (login, a four-step form, delivery by the worker, three callbacks): 60 s, not 20.
	test.slow()
	const number = await registerDog(page, visit, expectAccessible, 'Petr Svoboda')

	// The outbox worker delivers it: the simulator lists it with a reference number.
	const row = page.getByRole('row', { name: new RegExp(number) })
	await expect(async () => {
		await page.goto(`${RECORDS}/`)
		await expect(row).toBeVisible({ timeout: 1_000 })
	}).toPass({ timeout: 30_000 })
	// The simulator's own pages are held to the same accessibility bar.
	await expectAccessible()
	const reference = (await row.getByRole('link').textContent())!
	expect(reference).toMatch(/^MUVES \d+\/\d{4}$/)

	await visit(urlOn('veseli', `/podani/${number}`))
	await expect(page.getByText('Zaevidováno na úřadě').first()).toBeVisible()
	await expect(page.getByText(reference).first()).toBeVisible()
	await expectAccessible()

	// A clerk takes it, on the records system's side.
	await page.goto(`${RECORDS}/`)
	await expectAccessible()
	await row.getByRole('link').click()
	await expectAccessible()
	await page.getByLabel('Stav').selectOption('assigned')
	await page.getByLabel('Jméno zpracovatele').fill('Ing. Petra Malá')
	await page.getByLabel('Odbor').fill('Odbor finanční')
	await page.getByRole('button', { name: 'Odeslat stav portálu' }).click()
	await expect(page.getByText(/assigned.*Odpověď portálu: 200/)).toBeVisible()
	await expectAccessible()

	await visit(urlOn('veseli', `/podani/${number}`))
	await expect(page.getByText('Přiděleno').first()).toBeVisible()
	await expect(page.getByText('Ing. Petra Malá, Odbor finanční').first()).toBeVisible()
	await expectAccessible()

	await page.goto(`${RECORDS}/`)
	await expectAccessible()
	await row.getByRole('link').click()
	await expectAccessible()
	await page.getByLabel('Stav').selectOption('resolved')
	await page.getByLabel('Zpráva pro občana').fill('Pes byl přihlášen k poplatku.')
	await page.getByRole('button', { name: 'Odeslat stav portálu' }).click()
	await expect(page.getByText(/resolved.*Odpověď portálu: 200/)).toBeVisible()
	await expectAccessible()

	await visit(urlOn('veseli', `/podani/${number}`))
	await expect(page.getByText('Vyřízeno').first()).toBeVisible()
	await expect(page.getByText('Pes byl přihlášen k poplatku.')).toBeVisible()
	await expectAccessible()
})

// Issue 19, both sides of a question: after the citizen answers the office's question, the submission
// reads "Doplněno" for the citizen and for the clerk (not "Čeká na doplnění"); and a staff member
// chooses the language of the office's e-mails on /urad/profil. The pages are seen on a phone
// (390 px): axe-clean; the citizen's pages and /urad/profil do not scroll sideways.
test.describe('on a phone (390 px)', () => {
	test.use({ viewport: PHONE })

	test('the citizen answers the office\'s question: "Doplněno" on both sides, the answer on the clerk\'s timeline', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		// a citizen files the form, a clerk asks, the citizen answers, the clerk looks again: several sign-ins with axe on each page
		test.setTimeout(600_000)
		const number = await registerDog(page, visit, expectAccessible, 'Petr Svoboda')

		// The clerk takes it and asks for a document.
		await page.context().clearCookies()
		await visit(urlOn('veseli', '/urad/podani'))
		await signInStaff(page, 'referent@veseli.example', expectAccessible)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Podání k vyřízení')
		await expectAccessible()
		await page.getByLabel('Hledat (číslo, jméno)').fill(number)
		await page.getByRole('button', { name: 'Filtrovat' }).click()
		await expect(page).toHaveURL(/[?&]q=VES-/)
		await expectAccessible()
		await page.getByRole('link', { name: number }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(number)
		const officeUrl = page.url()
		await expectAccessible()
		await expectFitsPhone(page)
		await page.getByRole('button', { name: 'Převzít si' }).click()
		await expect(page.getByRole('status')).toHaveText('Podání bylo přiděleno.')
		await expectAccessible()
		await page.getByLabel('Nový stav').selectOption('needs_info')
		await page.getByLabel('Zpráva pro občana').fill('Doložte prosím fotografii psa.')
		await page.getByRole('button', { name: 'Uložit' }).click()
		await expect(page.getByRole('status')).toHaveText('Stav byl změněn.')
		await expect(page.getByText(/Čeká na doplnění/).first()).toBeVisible()
		await expectAccessible()
		// The clerk's submission page with its forms (assign, status with a message and a document) fits 390 px.
		await expectFitsPhone(page)

		// The citizen signs in and answers.
		await page.context().clearCookies()
		await visit(urlOn('veseli', `/podani/${number}`))
		await page.getByRole('button', { name: 'Přihlásit jako Petr Svoboda', exact: false }).click()
		await expectAccessible()
		await page.getByRole('button', { name: /Pokračovat/ }).click()
		await expect(page.getByRole('heading', { level: 1 })).toContainText(number)
		await expect(page.getByText('Doložte prosím fotografii psa.')).toBeVisible()
		await expectAccessible()
		await expectNoSideScroll(page)
		await page.getByLabel('Vaše odpověď').fill('Fotografii psa přikládám v příloze e-mailu, pes je bígl.')
		await page.getByRole('button', { name: 'Odeslat odpověď' }).click()
		await expect(page.getByText('Fotografii psa přikládám v příloze e-mailu, pes je bígl.')).toBeVisible()
		await expect(page.getByText('Doplněno').first()).toBeVisible()
		await expect(page.getByRole('button', { name: 'Odeslat odpověď' })).toHaveCount(0)
		await expectAccessible()
		await expectNoSideScroll(page)

		// The clerk sees "Doplněno" and the answer on the timeline.
		await page.context().clearCookies()
		await page.goto(officeUrl)
		await expectAccessible()
		await signInStaff(page, 'referent@veseli.example', expectAccessible)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(number)
		await expect(page.getByText(/Doplněno/).first()).toBeVisible()
		await expect(page.getByText(/Fotografii psa přikládám v příloze e-mailu, pes je bígl\./)).toBeVisible()
		await expect(page.getByText(/Čeká na doplnění ·|· Čeká na doplnění$/)).toHaveCount(0)
		await expectAccessible()
	})

	test('a staff member chooses the language of the office e-mails on /urad/profil; it is kept', async ({ page, visit, expectAccessible }) => {
		test.slow()
		// The auditor: no other spec reads the e-mails sent to them.
		await visit(urlOn('veseli', '/urad/profil'))
		await signInStaff(page, 'auditor@veseli.example', expectAccessible)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Můj profil')
		await expectAccessible()
		await expectNoSideScroll(page)
		const language = page.getByLabel('Jazyk e-mailů z úřadu')
		// Until chosen, the town's default language.
		await expect(language).toHaveValue('cs')
		await language.selectOption('uk')
		await page.getByRole('button', { name: 'Uložit' }).click()
		await expect(page.getByRole('status')).toHaveText('Uloženo.')
		await expect(page.getByLabel('Jazyk e-mailů z úřadu')).toHaveValue('uk')
		await expectAccessible()
		await expectNoSideScroll(page)
		// Kept: a fresh load of the page shows the choice.
		await visit(urlOn('veseli', '/urad/profil'))
		await expect(page.getByLabel('Jazyk e-mailů z úřadu')).toHaveValue('uk')
		await expect(page.getByRole('status')).toHaveCount(0)
	})
})
