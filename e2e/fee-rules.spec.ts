// The fee rules editor (issue 4): an admin changes the waste rate and the example household's
// amount follows live, computed by the same calculator that issues claims; saving makes a version.
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

const rules = (rate: number) =>
	JSON.stringify({
		feeTypes: [
			{ code: 'waste', kind: 'waste', names: { cs: 'Odpad', en: 'Waste', uk: 'Відходи' }, rates: { 2026: rate, 2027: rate }, cap: 1200, reliefs: [{ kind: 'age_under', code: 'child_under_6', under: 6, percent: 100 }], instalments: [{ dueDate: '05-31', percent: 100 }] },
			{ code: 'dog', kind: 'dog', names: { cs: 'Pes', en: 'Dog', uk: 'Собака' }, rates: { 2026: 500, 2027: 500 }, instalments: [{ dueDate: '03-31', percent: 100 }] },
		],
	})

test('an admin changes the waste rate: the preview shows the new amount and saving creates a version', async ({ page, visit, expectAccessible, watch }) => {
	// The refused save answers 400; Chromium logs the form's data request as an error.
	watch.expectedErrorUrls.add(urlOn('veseli', '/urad/poplatky/pravidla.data'))
	await visit(urlOn('veseli', '/urad/prihlaseni'))
	await signInStaff(page, 'spravce@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
	await expectAccessible()
	await page.getByRole('navigation', { name: 'Navigace úřadu' }).getByRole('link', { name: 'Pravidla poplatků' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pravidla poplatků')
	await page.getByLabel('Rok pro ukázku').fill('2026')

	const editor = page.getByLabel(/^Pravidla \(JSON/)
	await editor.fill(rules(720))
	// 2 adults × 720 + the child relieved + one dog 500 = 1 940 Kč.
	await expect(page.getByTestId('preview-total')).toContainText(/1\s940,00\sKč/)
	await editor.fill(rules(900))
	await expect(page.getByTestId('preview-total')).toContainText(/2\s300,00\sKč/)
	await expectAccessible()

	await page.getByRole('button', { name: 'Uložit novou verzi' }).click()
	await expect(page.getByText(/Uložena nová verze pravidel \d+/)).toBeVisible()
	await expect(page.getByTestId('preview-total')).toContainText(/2\s300,00\sKč/)
	await expectAccessible()

	// A rate over the legal cap is refused with the error in Czech; nothing is saved.
	await editor.fill(rules(1500))
	await page.getByRole('button', { name: 'Uložit novou verzi' }).click()
	await expect(page.getByRole('alert').filter({ hasText: 'Sazba překračuje zákonný strop.' })).toBeVisible()
})
