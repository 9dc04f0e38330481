// The fee rules page as a form (issues 4 and 19): an admin edits the waste rate in its field and the
// example household follows live, computed by the same calculator that issues claims; a rate over the
// cap is refused at its field by the rulebook's own schema; rows are added without JavaScript too.
import { test as plainTest } from '@playwright/test'
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

const WASTE_2026 = '[name="feeTypes[0].rates[0].rate"]'

test('an admin changes the waste rate in the form: the preview follows, a rate over the cap is refused at its field', async ({
	page,
	visit,
	expectAccessible,
	watch,
}) => {
	// Sign-in with axe on four pages, then the form: about 90 s on a shared machine.
	test.setTimeout(300_000)
	// The refused save answers 400; Chromium logs the form's data request as an error.
	watch.expectedErrorUrls.add(urlOn('veseli', '/urad/poplatky/pravidla.data'))
	await visit(urlOn('veseli', '/urad/prihlaseni'))
	await signInStaff(page, 'spravce@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
	await expectAccessible()
	await page.getByRole('navigation', { name: 'Navigace úřadu' }).getByRole('link', { name: 'Pravidla poplatků' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pravidla poplatků')
	await expectAccessible()
	await page.getByLabel('Rok pro ukázku').fill('2026')

	const waste = page.getByRole('group', { name: /^Poplatek 1:/ })
	// The law's cap is shown beside the rates.
	await expect(waste).toContainText(/Zákonný strop .*1\s200\sKč za osobu a rok/)
	const rate = page.locator(WASTE_2026)
	await rate.fill('720')
	// 2 adults × 720 + the child relieved + one dog 600 = 2 040 Kč.
	await expect(page.getByTestId('preview-total')).toContainText(/2\s040,00\sKč/)
	await rate.fill('900')
	await expect(page.getByTestId('preview-total')).toContainText(/2\s400,00\sKč/)
	await page.getByRole('button', { name: 'Uložit novou verzi' }).click()
	await expect(page.getByText(/Uložena nová verze pravidel \d+|Pravidla se nezměnila/)).toBeVisible()
	await expect(page.locator(WASTE_2026)).toHaveValue('900')
	await expect(page.getByTestId('preview-total')).toContainText(/2\s400,00\sKč/)
	await expectAccessible()

	// Over the cap: the message is at the rate's field, the field is marked invalid, nothing is saved.
	await page.locator(WASTE_2026).fill('1500')
	await page.getByRole('button', { name: 'Uložit novou verzi' }).click()
	const field = page.locator(WASTE_2026)
	await expect(field).toHaveAttribute('aria-invalid', 'true')
	const errorId = (await field.getAttribute('aria-describedby'))!.split(' ').at(-1)!
	await expect(page.locator(`[id="${errorId}"]`)).toHaveText('Sazba překračuje zákonný strop.')
	await expect(page.getByRole('alert').filter({ hasText: 'Formulář obsahuje 1 chybu' })).toBeVisible()
	await expectAccessible()
	await page.reload()
	await expect(page.locator(WASTE_2026)).toHaveValue('900')

	// The JSON stays as the advanced import.
	await page.getByText('Pokročilé: pravidla jako JSON').click()
	await expect(page.getByLabel(/^Pravidla \(JSON/)).toContainText('"waste"')
	await expect(page.getByRole('link', { name: 'Stáhnout platná pravidla jako JSON' })).toBeVisible()
	await expectAccessible()
})

plainTest.describe('the fee rules form without JavaScript', () => {
	plainTest.use({ javaScriptEnabled: false })

	plainTest('a year row is added by a plain POST and a bad value is refused at its field', async ({ page }) => {
		plainTest.setTimeout(120_000)
		await page.goto(urlOn('veseli', '/urad/prihlaseni'))
		await signInStaff(page, 'spravce@veseli.example', async () => {})
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
		await page.goto(urlOn('veseli', '/urad/poplatky/pravidla'))
		const waste = page.getByRole('group', { name: /^Poplatek 1:/ })
		const rows = await waste.getByLabel('Rok', { exact: true }).count()
		await waste.getByRole('button', { name: 'Přidat rok' }).click()
		await expect(waste.getByLabel('Rok', { exact: true })).toHaveCount(rows + 1)
		await page.locator(`[name="feeTypes[0].rates[${rows}].rate"]`).fill('abc')
		await page.getByRole('button', { name: 'Uložit novou verzi' }).click()
		await expect(page.locator(`[name="feeTypes[0].rates[${rows}].rate"]`)).toHaveAttribute('aria-invalid', 'true')
		await expect(waste).toContainText('Chybí hodnota nebo má špatný typ.')
	})
})
