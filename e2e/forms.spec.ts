// A Veselí citizen finds the dog registration form, logs in through NIA, finds their name and
// address prefilled, attaches the vaccination certificate (after a disguised program is refused),
// reviews and submits, gets the confirmation and sees the submission in "Moje podání".
import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { holdNiaHandBack, pickAtNia } from './nia-login'
import { hosts, SERVER_ORIGIN, urlOn } from './urls'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
// A Windows program (MZ header) dressed up as a PDF by its name.
const EXE = (() => {
	const bytes = Buffer.alloc(256)
	bytes.write('MZ', 0)
	bytes.writeUInt32LE(128, 0x3c)
	bytes.write('PE\0\0', 128)
	bytes.writeUInt16LE(0x14c, 132)
	return bytes
})()

test('a citizen of Veselí registers a dog through the form and sees it in Moje podání', async ({ page, visit, expectAccessible, watch }) => {
	// Login, four steps with a refused one, an upload, two downloads: about 90 s on a busy 2-core machine.
	test.setTimeout(300_000)
	await holdNiaHandBack(page)
	await visit(urlOn('veseli', '/formulare'))
	await expect(page.getByRole('heading', { level: 2, name: 'Domácí zvířata' })).toBeVisible()
	await page.getByRole('searchbox', { name: 'Hledat formulář' }).fill('psa')
	await page.getByRole('button', { name: 'Hledat' }).click()
	await expectAccessible()
	await expect(page.getByRole('link', { name: 'Ohlášení změny poplatkové povinnosti za odpad' })).toHaveCount(0)
	await page.getByRole('link', { name: 'Přihlášení psa k místnímu poplatku' }).click()
	await expectAccessible()

	await page.getByRole('link', { name: 'Přihlásit se přes identitu občana' }).click()
	await pickAtNia(page, 'Jana Nováková', expectAccessible, { checkPicker: true })
	await expect(page).toHaveURL(urlOn('veseli', '/formulare/prihlaseni-psa'))
	await expectAccessible()

	// Step 1: prefilled from NIA.
	await expect(page.getByText('Krok 1 z 3')).toBeVisible()
	await expect(page.getByLabel(/Jméno a příjmení/)).toHaveValue('Jana Nováková')
	await expect(page.getByLabel('Ulice a číslo domu')).toHaveValue('Zámecká 1234/5')
	await expect(page.getByLabel('PSČ')).toHaveValue('698 01')
	await expect(page.getByLabel('Obec')).toHaveValue('Veselí nad Moravou')
	await expect(page.getByLabel(/Datum narození/)).toHaveValue('1985-03-14')
	await page.getByRole('button', { name: 'Pokračovat' }).click()

	// Step 2: the dog, and the certificate. A program named .pdf is refused; what was typed stays.
	await expect(page.getByText('Krok 2 z 3')).toBeVisible()
	await expectAccessible()
	// Nothing filled: each empty field of the dog's row has its own message, and the error summary
	// (focused) links to each field.
	await page.getByLabel(/Číslo čipu/).fill('123')
	await page.getByRole('button', { name: 'Pokračovat' }).click()
	const summary = page.getByRole('alert').filter({ hasText: 'Formulář obsahuje chyby' })
	await expect(summary).toBeFocused()
	await expect(summary.getByRole('link', { name: 'Psi 1: Jméno psa: Toto pole je povinné.' })).toBeVisible()
	await expect(summary.getByRole('link', { name: 'Psi 1: Plemeno: Toto pole je povinné.' })).toBeVisible()
	await expect(summary.getByRole('link', { name: 'Psi 1: Číslo čipu (15 číslic): Číslo čipu má 15 číslic.' })).toBeVisible()
	await expect(summary.getByRole('link', { name: 'Očkovací průkaz: Toto pole je povinné.' })).toBeVisible()
	const breed = page.getByLabel(/Plemeno/)
	await expect(breed).toHaveAccessibleDescription('Toto pole je povinné.')
	await expect(page.getByLabel(/Jméno psa/)).toHaveAccessibleDescription('Toto pole je povinné.')
	await expect(page.getByLabel(/Číslo čipu/)).toHaveAccessibleDescription('Číslo čipu má 15 číslic.')
	await expectAccessible()
	await summary.getByRole('link', { name: /Psi 1: Plemeno/ }).click()
	await expect(breed).toBeFocused()
	await page.getByLabel(/Jméno psa/).fill('Rex')
	await page.getByLabel(/Plemeno/).fill('Bígl')
	await page.getByLabel(/Číslo čipu/).fill('203098100123456')
	await page.getByLabel(/Pes je držen od/).fill('2026-01-15')
	await page.getByLabel(/Očkovací průkaz/).setInputFiles({ name: 'ockovani.pdf', mimeType: 'application/pdf', buffer: EXE })
	// The refusal answers 400 (bad input); Chromium logs the form's data request as an error.
	watch.expectedErrorUrls.add(urlOn('veseli', '/formulare/prihlaseni-psa.data?krok=1'))
	await page.getByRole('button', { name: 'Pokračovat' }).click()
	await expect(page.getByRole('alert')).toContainText('Soubor ockovani.pdf je ve skutečnosti typu exe')
	await expectAccessible()
	await expect(page.getByLabel(/Jméno psa/)).toHaveValue('Rex')
	await page.getByLabel(/Očkovací průkaz/).setInputFiles({ name: 'ockovani.pdf', mimeType: 'application/pdf', buffer: PDF })
	await page.getByRole('button', { name: 'Pokračovat' }).click()

	// Review, then submit.
	await expect(page.getByText('Krok 3 z 3')).toBeVisible()
	await expectAccessible()
	// The dogs as a list, one item per dog; the date in Czech.
	const dog = page.getByRole('listitem', { name: 'Položka 1' })
	await expect(dog).toContainText('Jméno psa:Rex')
	await expect(dog).toContainText('Plemeno:Bígl')
	await expect(page.getByText('15. 1. 2026')).toBeVisible()
	await expect(page.getByText('ockovani.pdf')).toBeVisible()
	await page.getByRole('button', { name: 'Odeslat podání' }).click()

	await expect(page.getByRole('heading', { level: 1, name: 'Podání bylo odesláno' })).toBeVisible()
	await expectAccessible()
	const number = (await page.getByText(/^VES-\d{4}-\d{6}$/).textContent())!
	// The citizen's own attachment: its size in bytes, and a download of exactly what was filed.
	await expect(page.getByRole('listitem').filter({ hasText: 'Stáhnout přílohu ockovani.pdf' })).toContainText(`(${PDF.length}\u00a0B)`)
	const attachment = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Stáhnout přílohu ockovani.pdf' }).click()
	const file = await attachment
	expect(file.suggestedFilename()).toBe('ockovani.pdf')
	expect(readFileSync((await file.path())!)).toEqual(PDF)
	const download = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Stáhnout potvrzení (PDF)' }).click()
	expect((await download).suggestedFilename()).toBe(`podani-${number}.pdf`)

	await page.getByRole('main').getByRole('link', { name: 'Moje podání' }).click()
	await expectAccessible()
	const row = page.getByRole('row', { name: new RegExp(number) })
	await expect(row).toContainText('Přihlášení psa k místnímu poplatku')
	// The demo's records simulator may have filed it already (e2e/records.spec.ts follows that part).
	await expect(row).toContainText(/Podáno|Zaevidováno na úřadě/)
})

test('a broken street light is reported without logging in; one address may file only a few anonymous reports an hour', async ({
	page,
	visit,
	expectAccessible,
	request,
}) => {
	await visit(urlOn('veseli', '/formulare/nefunkcni-osvetleni'))
	await expect(page.getByText('Podáváte bez přihlášení.', { exact: false })).toBeVisible()
	await page.getByLabel(/Kde \(ulice, číslo sloupu\)/).fill('Masarykova, sloup 17')
	await page.getByRole('radio', { name: 'Nesvítí' }).check()
	await page.getByRole('button', { name: 'Odeslat podání' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Podání bylo odesláno' })).toBeVisible()
	await expect(page.getByText(/^VES-\d{4}-\d{6}$/)).toBeVisible()
	await expectAccessible()

	// The limit, at Znojmo (the same form; no other spec files there without logging in, so the other
	// specs' anonymous reports at Veselí are not refused): five from one address are taken, the sixth
	// within the hour is refused.
	const post = () =>
		request.post(`${SERVER_ORIGIN}/formulare/nefunkcni-osvetleni`, {
			headers: { host: hosts.znojmo, origin: urlOn('znojmo', '') },
			multipart: { misto: 'Nádražní 3', druh: 'blika' },
			maxRedirects: 0,
		})
	for (let i = 0; i < 5; i++) expect((await post()).status()).toBe(303)
	expect((await post()).status()).toBe(429)
})
