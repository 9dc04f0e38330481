// The citizen's dog registration at Veselí, for specs that need a fresh submission. Each spec that files the dog form
// passes its own persona: a person has one draft per form, so two parallel specs as one person would share it.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { holdNiaHandBack, pickAtNia } from './nia-login'
import { urlOn } from './urls'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

export async function registerDog(
	page: Page,
	visit: (url: string) => Promise<unknown>,
	expectAccessible: () => Promise<void>,
	persona: 'Josef Dvořák' | 'Petr Svoboda',
) {
	await holdNiaHandBack(page)
	await visit(urlOn('veseli', '/formulare'))
	await page.getByRole('link', { name: 'Přihlášení psa k místnímu poplatku' }).click()
	await expectAccessible()
	await page.getByRole('link', { name: 'Přihlásit se přes identitu občana' }).click()
	await pickAtNia(page, persona, expectAccessible, { checkPicker: true })
	await expect(page.getByLabel(/Jméno a příjmení/)).toHaveValue(persona)
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
