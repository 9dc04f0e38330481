// Issue 6, clerk side: a citizen registers a dog; the Veselí clerk finds it in the inbox, takes it
// and asks for more information, which lands on the timeline; then resolves it with a decision
// document, which the citizen downloads from their submission page.
import { expect, test } from './fixtures'
import { registerDog } from './register-dog'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

const DECISION_PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

test('clerk inbox: assign to self, ask for more information, resolve with a document the citizen downloads', async ({ page, visit, expectAccessible }) => {
	// a citizen files the form, a clerk signs in with TOTP and works it, the citizen signs in again: well over 20 s on a busy machine
	test.setTimeout(180_000)
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
	await expect(page.getByRole('region', { name: 'Průběh' }).or(page.locator('section[aria-labelledby="timeline"]'))).toContainText(
		'Doložte prosím potvrzení o očkování proti vzteklině.',
	)
	await expect(page.getByText(/Čeká na doplnění/).first()).toBeVisible()
	await expectAccessible()

	await page.getByLabel('Nový stav').selectOption('resolved')
	await page.getByLabel('Zpráva pro občana').fill('Pes je přihlášen k poplatku, rozhodnutí přikládáme.')
	await page.getByLabel(/Dokument k rozhodnutí/).setInputFiles({ name: 'rozhodnuti.pdf', mimeType: 'application/pdf', buffer: DECISION_PDF })
	await page.getByRole('button', { name: 'Uložit' }).click()
	await expect(page.getByRole('status')).toHaveText('Stav byl změněn.')
	await expectAccessible()

	// The citizen signs in again (NIA simulator) and downloads the document from the submission page.
	await page.context().clearCookies()
	await visit(urlOn('veseli', `/podani/${number}`))
	await page.getByRole('button', { name: 'Přihlásit jako Josef Dvořák', exact: false }).click()
	await expectAccessible()
	await page.getByRole('button', { name: /Pokračovat/ }).click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText(number)
	await expect(page.getByText('Pes je přihlášen k poplatku, rozhodnutí přikládáme.')).toBeVisible()
	await expectAccessible()
	const download = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Stáhnout dokument rozhodnuti.pdf' }).click()
	expect((await download).suggestedFilename()).toBe('rozhodnuti.pdf')
})
