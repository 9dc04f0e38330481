// Issue 6, the visual form builder: the Veselí admin adds a field with a condition to the street-light
// form (anonymous, so no citizen login is needed), sees it in the live preview (hidden until the
// condition holds), publishes the draft as a new version, and the citizen's form shows the field.
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

test('form builder: add a conditional field, preview it, publish; the citizen form has it', async ({ page, visit, expectAccessible, watch }) => {
	test.setTimeout(150_000) // staff sign-in with TOTP and several server round trips on a shared machine
	await visit(urlOn('veseli', '/urad/formulare'))
	await signInStaff(page, 'spravce@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Formuláře a verze')
	await expectAccessible()
	await page.getByRole('link', { name: 'Vizuální editor: Nahlášení nefunkčního veřejného osvětlení' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Editor: Nahlášení nefunkčního veřejného osvětlení')
	await expectAccessible()

	const addField = page.getByRole('form', { name: 'Přidat pole do tohoto kroku' })
	await addField.getByLabel('Typ pole').selectOption('text')
	await addField.getByLabel('Název pole (písmeno, pak písmena, číslice nebo _)').fill('cisloSloupu')
	await addField.getByLabel('Popisek (čeština)').fill('Číslo poškozeného sloupu')
	await addField.getByLabel('Popisek (angličtina)').fill('Number of the damaged pole')
	await addField.getByLabel('Popisek (ukrajinština)').fill('Номер пошкодженого стовпа')
	await addField.getByRole('button', { name: 'Přidat pole do tohoto kroku' }).click()
	await expect(page.getByRole('status')).toHaveText('Změna je uložena do konceptu.')
	await expectAccessible()

	// The new field (sixth on the step) has its editor open after the round trip: give it its condition.
	await expect(page.locator('#field-0-5 > summary')).toHaveText('Číslo poškozeného sloupu – Text, cisloSloupu')
	const editor = page.locator('details#field-0-5[open]')
	await editor.getByLabel('pole', { exact: true }).selectOption('druh')
	await editor.getByLabel('hodnota', { exact: true }).fill('neexistuje')
	// A value that is not an option is refused (400, which Chromium logs) with the path, and nothing is saved.
	watch.expectedErrorUrls.add(urlOn('veseli', '/urad/formulare/nefunkcni-osvetleni.data?hlaseni=saved&otevrit=0-5'))
	await editor.getByRole('button', { name: 'Uložit' }).click()
	await expect(page.getByRole('alert')).toContainText('steps.0.fields.5.visibleWhen.value')
	await expectAccessible()
	// The page shows the draft as it was, the same editor still open.
	const reopened = page.locator('details#field-0-5[open]')
	await reopened.getByLabel('pole', { exact: true }).selectOption('druh')
	await reopened.getByLabel('hodnota', { exact: true }).fill('poskozeny')
	await reopened.getByRole('button', { name: 'Uložit' }).click()
	await expect(page.getByRole('status')).toHaveText('Změna je uložena do konceptu.')
	await expectAccessible()

	const preview = page.getByRole('form', { name: 'Náhled' })
	await expect(preview.getByLabel('Číslo poškozeného sloupu')).toBeHidden()
	await preview.getByLabel('Poškozený sloup').check()
	await expect(preview.getByLabel('Číslo poškozeného sloupu')).toBeVisible()

	await page.getByRole('button', { name: 'Zveřejnit koncept jako novou verzi' }).click()
	await expect(page.getByRole('status')).toHaveText(/Koncept byl zveřejněn jako verze \d+\./)
	await expectAccessible()

	await page.context().clearCookies()
	await visit(urlOn('veseli', '/formulare/nefunkcni-osvetleni'))
	await expect(page.getByLabel('Číslo poškozeného sloupu')).toBeHidden()
	await page.getByLabel('Poškozený sloup').check()
	await expect(page.getByLabel('Číslo poškozeného sloupu')).toBeVisible()
})
