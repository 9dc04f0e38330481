// Issue 6, the visual form builder: the Veselí admin adds a field with a condition to the street-light
// form (anonymous, so no citizen login is needed), sees it in the live preview (hidden until the
// condition holds), publishes the draft as a new version, and the citizen's form shows the field.
// Issue 19: the field settings (help text, a length limit, a file type and size limit, an option value
// apart from its label, a condition) hold the citizen filling the form; a blank new form is created.
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

// Both journeys on the street-light form publish a new version of it: one after the other.
test.describe.configure({ mode: 'default' })

/** A PNG (detected by its content) of about 20 kB: a 1×1 image padded after its end. */
function pngOf20kB() {
	const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
	return Buffer.concat([png, Buffer.alloc(20_000 - png.length)])
}

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

test('form builder settings: the admin sets a help text, a length limit, a file type and size limit, an option value and a condition, and publishes', async ({
	page,
	visit,
	expectAccessible,
}) => {
	await visit(urlOn('veseli', '/urad/formulare/nefunkcni-osvetleni'))
	await signInStaff(page, 'spravce@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Editor: Nahlášení nefunkčního veřejného osvětlení')
	await expectAccessible()
	/** After a save the page comes back with that field's editor open (so the check runs on the new page). */
	const saved = async (field: string) => {
		await expect(page).toHaveURL(new RegExp(`otevrit=${field}$`))
		await expect(page.getByRole('status')).toHaveText('Změna je uložena do konceptu.')
		await expectAccessible()
	}

	// "Závada" gets an option whose value (a code) is not its label.
	await page.locator('#field-0-1 > summary').click()
	const options = page.getByRole('region', { name: 'Možnosti: druh' })
	await options.getByLabel('Hodnota možnosti (kód)').last().fill('spadly')
	await options.getByLabel('Popisek možnosti (čeština)').last().fill('Spadlý sloup')
	await options.getByRole('button', { name: 'Přidat možnost' }).click()
	await saved('0-1')

	// "Popis": a help text and at least 15 characters.
	await page.locator('#field-0-2 > summary').click()
	const description = page.locator('details#field-0-2[open]')
	await description.getByLabel('Nápověda pod popiskem (čeština)').fill('Popište, co přesně nesvítí a od kdy.')
	await description.getByLabel('Nejméně znaků').fill('15')
	await description.getByRole('button', { name: 'Uložit' }).click()
	await saved('0-2')

	// "Fotografie": PNG only, at most 0.01 MB, shown only for a fallen pole.
	await page.locator('#field-0-3 > summary').click()
	const photo = page.locator('details#field-0-3[open]')
	await photo.getByLabel('JPEG').uncheck()
	await photo.getByLabel('Nejvýše MB na soubor').fill('0.01')
	await photo.getByLabel('pole', { exact: true }).selectOption('druh')
	await photo.getByLabel('hodnota', { exact: true }).fill('spadly')
	await photo.getByRole('button', { name: 'Uložit' }).click()
	await saved('0-3')

	await page.getByRole('button', { name: 'Zveřejnit koncept jako novou verzi' }).click()
	await expect(page.getByRole('status')).toHaveText(/Koncept byl zveřejněn jako verze \d+\./)
	await expectAccessible()
})

// Runs after the admin's settings above (same worker, in order): the citizen is held to them.
test('the citizen filling the street-light form meets those settings: help text, the condition, the length and size limits at their fields', async ({
	page,
	visit,
	expectAccessible,
	watch,
}) => {
	// The help text is shown, the photo only for "Spadlý sloup" (an option whose value is "spadly").
	await visit(urlOn('veseli', '/formulare/nefunkcni-osvetleni'))
	await expect(page.getByText('Popište, co přesně nesvítí a od kdy.')).toBeVisible()
	await expect(page.getByLabel('Fotografie')).toBeHidden()
	await page.getByLabel('Spadlý sloup').check()
	await expect(page.getByLabel('Fotografie')).toBeVisible()
	await expect(page.getByText('Povolené typy: PNG. Nejvýše 0,01 MB na soubor.')).toBeVisible()
	await page.getByLabel('Kde (ulice, číslo sloupu)').fill('Masarykova 12')
	await page.getByLabel('Popis').fill('Spadl.')
	await page.getByLabel('Fotografie').setInputFiles({ name: 'sloup.png', mimeType: 'image/png', buffer: pngOf20kB() })
	await page.getByRole('button', { name: 'Odeslat podání' }).click()
	// Refused at the field, in the browser already (the same rules as the server).
	await expect(page.getByLabel('Popis')).toHaveAttribute('aria-invalid', 'true')
	await expect(page.locator('#step-0-popis-error')).toHaveText('Zadejte alespoň 15 znaků.')
	await expect(page.getByRole('link', { name: 'Popis: Zadejte alespoň 15 znaků.' })).toBeVisible()
	await page.getByLabel('Popis').fill('Sloup spadl na chodník u školy.')
	// The server refuses the photo above 0.01 MB at its field (a 400, which Chromium logs).
	watch.expectedErrorUrls.add(urlOn('veseli', '/formulare/nefunkcni-osvetleni.data'))
	await page.getByLabel('Fotografie').setInputFiles({ name: 'sloup.png', mimeType: 'image/png', buffer: pngOf20kB() })
	await page.getByRole('button', { name: 'Odeslat podání' }).click()
	await expect(page.locator('#step-0-foto-error')).toHaveText('Soubor sloup.png je větší než 0,01 MB.')
	await expect(page.getByRole('link', { name: 'Fotografie: Soubor sloup.png je větší než 0,01 MB.' })).toBeVisible()
	await expectAccessible()
})

test('a blank new form: a bad code is refused at its field, then the draft opens in the builder', async ({ page, visit, expectAccessible, watch }) => {
	await visit(urlOn('veseli', '/urad/formulare'))
	await signInStaff(page, 'spravce@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Formuláře a verze')
	await expectAccessible()
	await page.getByRole('link', { name: 'Nový formulář' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nový formulář')
	await expectAccessible()
	await page.getByLabel('Kód formuláře').fill('Pronájem sálu')
	await page.getByLabel('Název česky').fill('Pronájem sálu')
	await page.getByLabel('Název anglicky (nepovinné)').fill('Hall rental')
	await page.getByLabel('Název ukrajinsky (nepovinné)').fill('Оренда залу')
	await page.getByLabel('Agenda (kdo podání vyřizuje)').selectOption({ label: 'Správa majetku' })
	watch.expectedErrorUrls.add(urlOn('veseli', '/urad/formulare/novy'))
	await page.getByRole('button', { name: 'Vytvořit koncept' }).click()
	await expect(page.getByLabel('Kód formuláře')).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByText('Kód začíná písmenem a obsahuje jen malá písmena bez diakritiky')).toBeVisible()
	await expectAccessible()
	await page.getByLabel('Kód formuláře').fill('pronajem-salu')
	await page.getByRole('button', { name: 'Vytvořit koncept' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Editor: Pronájem sálu')
	await expect(page.getByRole('status')).toContainText('Formulář byl vytvořen jako koncept.')
	await expectAccessible()
})
