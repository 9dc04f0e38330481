// Issue 6, clerk side: a citizen registers a dog; the Veselí clerk finds it in the inbox, takes it
// and asks for more information, which lands on the timeline.
import { generate } from 'otplib'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../app/modules/staff/demo-staff'
import { expect, test } from './fixtures'
import { registerDog } from './register-dog'
import { urlOn } from './urls'

test('clerk inbox: assign to self, ask for more information', async ({ page, visit, expectAccessible }) => {
	test.slow() // a citizen files the form, then a clerk signs in with TOTP and works it: more than 20 s on a busy machine
	const number = await registerDog(page, visit, expectAccessible)
	await page.context().clearCookies()
	await visit(urlOn('veseli', '/urad/podani'))
	await page.getByLabel('E-mail').fill('referent@veseli.example')
	await page.getByLabel('Heslo', { exact: true }).fill(DEMO_PASSWORD)
	await page.getByRole('button', { name: 'Přihlásit se' }).click()
	await expect(page).toHaveURL(/\/urad\/overeni/)
	await expectAccessible()
	await page.getByLabel('Ověřovací kód').fill(await generate({ secret: DEMO_TOTP_SECRET }))
	await page.getByRole('button', { name: 'Ověřit' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Podání k vyřízení')
	await expectAccessible()
	await page.getByLabel('Hledat (číslo, jméno)').fill(number)
	await page.getByRole('button', { name: 'Filtrovat' }).click()
	await expect(page).toHaveURL(/[?&]q=VES-/)
	await expect(page.getByRole('link', { name: number })).toBeVisible()
	await expectAccessible()
	await page.getByRole('link', { name: number }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(number)
	await expectAccessible()
	await page.getByRole('button', { name: 'Převzít si' }).click()
	await expect(page.getByRole('status')).toHaveText('Podání bylo přiděleno.')
	await expectAccessible()
	await page.getByLabel('Nový stav').selectOption('needs_info')
	await page.getByLabel('Zpráva pro občana').fill('Doložte prosím potvrzení o očkování proti vzteklině.')
	await page.getByRole('button', { name: 'Uložit' }).click()
	await expect(page.getByRole('status')).toHaveText('Stav byl změněn.')
	await expect(page.getByRole('region', { name: 'Průběh' }).or(page.locator('section[aria-labelledby="timeline"]'))).toContainText('Doložte prosím potvrzení o očkování proti vzteklině.')
	await expect(page.getByText(/Čeká na doplnění/).first()).toBeVisible()
	await expectAccessible()
})
