// Issue 6: at Veselí a citizen registers a dog; the demo's records system (simulators/records)
// receives it, and the citizen sees "delivered" with the reference number, then the clerk it was
// assigned to and "resolved" as a tester reports them on the simulator's own pages.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { urlOn } from './urls'

const SIMULATOR = /^http:\/\/127\.0\.0\.1:\d+\/FPSTS\//
const RECORDS = `http://127.0.0.1:${process.env.DEMO_RECORDS_PORT ?? '7004'}`
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

async function holdNiaHandBack(page: Page) {
	await page.route(SIMULATOR, async (route) => {
		const response = await route.fetch()
		const body = await response.text()
		await route.fulfill({ response, body: body.replace(/<script nonce="[^"]*">document\.forms\[0\]\.submit\(\)<\/script>/, '') })
	})
}

async function registerDog(page: Page, visit: (url: string) => Promise<unknown>, expectAccessible: () => Promise<void>) {
	await holdNiaHandBack(page)
	await visit(urlOn('veseli', '/formulare'))
	await page.getByRole('link', { name: 'Přihlášení psa k místnímu poplatku' }).click()
	await expectAccessible()
	await page.getByRole('link', { name: 'Přihlásit se přes identitu občana' }).click()
	await expect(page).toHaveURL(SIMULATOR)
	await expectAccessible()
	await page.getByRole('button', { name: /Přihlásit jako Petr Svoboda/ }).click()
	await expect(page).toHaveURL(SIMULATOR)
	await expectAccessible()
	await page.getByRole('button', { name: /Pokračovat/ }).click()
	await expect(page.getByLabel(/Jméno a příjmení/)).toHaveValue('Petr Svoboda')
	await expectAccessible()
	await page.getByRole('button', { name: 'Pokračovat' }).click()
	await expect(page.getByText('Krok 2 z 3')).toBeVisible()
	await expectAccessible()
	await page.getByLabel(/Jméno psa/).fill('Rex')
	await page.getByLabel(/Plemeno/).fill('Bígl')
	await page.getByLabel(/Číslo čipu/).fill('203098100123456')
	await page.getByLabel(/Pes je držen od/).fill('2026-01-15')
	await page.getByLabel(/Očkovací průkaz/).setInputFiles({ name: 'ockovani.pdf', mimeType: 'application/pdf', buffer: PDF })
	await page.getByRole('button', { name: 'Pokračovat' }).click()
	await expect(page.getByText('Krok 3 z 3')).toBeVisible()
	await expectAccessible()
	await page.getByRole('button', { name: 'Odeslat podání' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Podání bylo odesláno' })).toBeVisible()
	await expectAccessible()
	return (await page.getByText(/^VES-\d{4}-\d{6}$/).textContent())!
}

test('the records system files the submission, and the citizen follows it to "resolved"', async ({ page, visit, expectAccessible }) => {
	// A long journey (login, a four-step form, delivery by the worker, three callbacks): 60 s, not 20.
	test.slow()
	const number = await registerDog(page, visit, expectAccessible)

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
