// Issue 6: at Veselí a citizen registers a dog; the demo's records system (simulators/records)
// receives it, and the citizen sees "delivered" with the reference number, then the clerk it was
// assigned to and "resolved" as a tester reports them on the simulator's own pages.
import { expect, test } from './fixtures'
import { registerDog } from './register-dog'
import { urlOn } from './urls'

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
