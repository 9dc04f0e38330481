// Issue 6, clerk side: a citizen registers a dog; the Veselí clerk finds it in the inbox, takes it
// and asks for more information, which lands on the timeline.
import { expect, test } from './fixtures'
import { registerDog } from './register-dog'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

test('clerk inbox: assign to self, ask for more information', async ({ page, visit, expectAccessible }) => {
	test.slow() // a citizen files the form, then a clerk signs in with TOTP and works it: more than 20 s on a busy machine
	const number = await registerDog(page, visit, expectAccessible, 'Josef Dvořák')
	await page.context().clearCookies()
	await visit(urlOn('veseli', '/urad/podani'))
	await signInStaff(page, 'referent@veseli.example', expectAccessible)
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
