// The official board (úřední deska, issue 17): a clerk posts a document, it is public at once and in
// the OFN JSON-LD, it leaves the board at its end date (the board's clock moved forward) and stays in
// the archive. Keyboard use and axe on every page; the open-data page and catalogue answer too.
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
import { resetBoardClock, setBoardClock } from './test-clock'
import { getOnHost, urlOn } from './urls'

const pragueDay = (instant: Date) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
const plusDays = (day: string, days: number) => {
	const date = new Date(`${day}T12:00:00Z`)
	date.setUTCDate(date.getUTCDate() + days)
	return date.toISOString().slice(0, 10)
}
// The smallest file the board accepts: its bytes start like a PDF (checked by content, not by name).
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

// One board clock for the whole e2e server: these tests take turns, or one moving the clock would
// pull the others three days ahead (and a reset after another test would pull it back mid-check).
test.describe.configure({ mode: 'serial' })
test.afterEach(() => resetBoardClock())

test('a clerk posts a document; it is public and in the JSON-LD, leaves the board at its end date and stays in the archive', async ({
	page,
	visit,
	expectAccessible,
	watch,
	request,
}) => {
	test.setTimeout(240_000) // a long journey, on a machine that may be busy
	const today = pragueDay(new Date())
	const lastDay = plusDays(today, 2)
	const title = `Veřejná vyhláška o uzavírce ${Date.now().toString(36)}`

	await visit(urlOn('veseli', '/urad/uredni-deska'))
	await signInStaff(page, 'referent@veseli.example', expectAccessible)
	await expect(page).toHaveURL(urlOn('veseli', '/urad/uredni-deska'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Úřední deska – správa')
	await expectAccessible()
	await page.getByRole('link', { name: 'Vyvěsit nový dokument' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nový dokument na úřední desku')
	await expectAccessible()

	// A file that is not a PDF is refused with a message that names it; nothing is posted.
	await page.getByLabel('Název').fill(title)
	await page.getByLabel('Kategorie').selectOption('notices')
	await page.getByLabel('Číslo jednací').fill('MVnM/777/2026')
	await page.getByLabel('Spisová značka').fill('OD/12/2026')
	await page.getByLabel('Vyvěšeno do (včetně)').fill(lastDay)
	await page
		.getByLabel('Přílohy (PDF)')
		.setInputFiles({ name: 'vyhlaska.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is plain text, not a PDF') })
	watch.expectedErrorUrls.add(`${urlOn('veseli', '/urad/uredni-deska/nova')}.data`)
	await page.getByRole('button', { name: 'Vyvěsit' }).click()
	await expect(page.getByRole('alert')).toContainText('Soubor vyhlaska.pdf není PDF')
	await expectAccessible()

	await page.locator('#board-attachments').setInputFiles({ name: 'vyhlaska.pdf', mimeType: 'application/pdf', buffer: PDF })
	await page.getByRole('button', { name: 'Vyvěsit' }).click()
	await expect(page).toHaveURL(urlOn('veseli', '/urad/uredni-deska?hlaseni=posted'))
	await expect(page.getByRole('status')).toHaveText('Dokument byl uložen.')
	await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('vyvěšeno')
	await expectAccessible()

	// Public at once: found by keyboard through the search form.
	await visit(urlOn('veseli', '/uredni-deska'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Úřední deska')
	for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id === 'board-q')); i++) await page.keyboard.press('Tab')
	await expect(page.locator('#board-q')).toBeFocused()
	await page.keyboard.type('MVnM/777')
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL(/q=MVnM%2F777/)
	await expect(page.getByRole('link', { name: title })).toBeVisible()
	await expectAccessible()
	await page.getByRole('link', { name: title }).focus()
	await page.keyboard.press('Enter')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
	await expect(page.getByRole('main')).toContainText('OD/12/2026')
	await expectAccessible()
	const attachmentHref = await page.getByRole('link', { name: 'vyhlaska.pdf' }).getAttribute('href')
	const attachment = await getOnHost(request, 'veseli', attachmentHref!)
	expect(attachment.status()).toBe(200)
	expect(attachment.headers()['content-type']).toBe('application/pdf')

	// In the OFN JSON-LD, cacheable: the same ETag answers 304.
	const feed = await getOnHost(request, 'veseli', '/uredni-deska.jsonld')
	expect(feed.status()).toBe(200)
	const board = (await feed.json()) as {
		provozovatel: { ičo: string }
		informace: { název: { cs: string }; číslo_jednací?: string; relevantní_do: { datum: string } }[]
	}
	expect(board.provozovatel.ičo).toBe('00285340')
	expect(board.informace.find((i) => i.název.cs === title)).toMatchObject({ číslo_jednací: 'MVnM/777/2026', relevantní_do: { datum: lastDay } })
	const again = await getOnHost(request, 'veseli', '/uredni-deska.jsonld', { headers: { 'If-None-Match': feed.headers()['etag']! } })
	expect(again.status()).toBe(304)

	// Three days later (the board's clock moved): off the board, out of the JSON-LD, in the archive.
	setBoardClock(new Date(`${plusDays(today, 3)}T09:00:00Z`))
	await visit(urlOn('veseli', `/uredni-deska?q=${encodeURIComponent(title)}`))
	await expect(page.getByRole('link', { name: title })).toHaveCount(0)
	await expect(page.getByRole('status')).toHaveText('Žádný dokument neodpovídá výběru.')
	const later = (await (await getOnHost(request, 'veseli', '/uredni-deska.jsonld')).json()) as { informace: { název: { cs: string } }[] }
	expect(later.informace.map((i) => i.název.cs)).not.toContain(title)
	await page.getByRole('link', { name: 'Archiv sejmutých' }).click()
	await expect(page).toHaveURL(urlOn('veseli', '/uredni-deska?zalozka=archive'))
	await expect(page.getByRole('link', { name: title })).toBeVisible()
	await expectAccessible()
	await page.getByRole('link', { name: title }).click()
	await expect(page.getByRole('main')).toContainText('Dokument už není vyvěšen; je v archivu.')
	await expectAccessible()
})

test('a clerk removes a document early with a reason; the archive shows the reason', async ({ page, visit, expectAccessible, watch }) => {
	test.setTimeout(180_000)
	const title = `Oznámení k sejmutí ${Date.now().toString(36)}`
	await visit(urlOn('znojmo', '/urad/uredni-deska/nova'))
	await signInStaff(page, 'referent@znojmo.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nový dokument na úřední desku')
	await expectAccessible()
	await page.getByLabel('Název').fill(title)
	await page.getByLabel('Kategorie').selectOption('other')
	await page.getByLabel('Vyvěšeno do (včetně)').fill(plusDays(pragueDay(new Date()), 10))
	await page.getByRole('button', { name: 'Vyvěsit' }).click()
	await expect(page).toHaveURL(urlOn('znojmo', '/urad/uredni-deska?hlaseni=posted'))
	await expectAccessible()
	await page.getByRole('link', { name: title }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
	await expectAccessible()
	// Without a reason: refused, still posted.
	watch.expectedErrorUrls.add(`${page.url().split('?')[0]}.data`)
	await page.getByLabel('Důvod sejmutí').fill('x')
	await page.getByRole('button', { name: 'Sejmout dokument' }).click()
	await expect(page.getByText('Uveďte důvod sejmutí (alespoň 5 znaků).')).toBeVisible()
	await expectAccessible()
	await page.getByLabel('Důvod sejmutí').fill('Vyvěšeno omylem u jiného odboru.')
	await page.getByRole('button', { name: 'Sejmout dokument' }).click()
	await expect(page.getByRole('status')).toHaveText('Dokument byl sejmut.')
	await expectAccessible()
	await visit(urlOn('znojmo', '/uredni-deska?zalozka=archive'))
	await page.getByRole('link', { name: title }).click()
	await expect(page.getByRole('main')).toContainText('Důvod: Vyvěšeno omylem u jiného odboru.')
	await expectAccessible()
})

test('the open-data page lists the datasets with downloads; the catalogue and files are cacheable', async ({ page, visit, expectAccessible, request }) => {
	test.setTimeout(120_000)
	await visit(urlOn('veseli', '/'))
	await page.getByRole('navigation', { name: 'Odkazy v zápatí' }).getByRole('link', { name: 'Otevřená data' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Otevřená data')
	await expectAccessible()
	for (const name of ['Úřední deska', 'Sazby místních poplatků', 'Katalog elektronických formulářů'])
		await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
	const catalogue = await getOnHost(request, 'veseli', '/otevrena-data/katalog.jsonld')
	expect(catalogue.status()).toBe(200)
	expect(catalogue.headers()['content-type']).toContain('application/ld+json')
	expect((await catalogue.json()) as { typ: string; datová_sada: string[] }).toMatchObject({
		typ: 'Katalog',
		datová_sada: expect.arrayContaining([expect.stringContaining('/otevrena-data/datove-sady/uredni-deska')]),
	})
	const csv = await getOnHost(request, 'veseli', '/otevrena-data/soubory/sazby-poplatku.csv')
	expect(csv.status()).toBe(200)
	expect(await csv.text()).toMatch(/^kod_poplatku,/)
	const notModified = await getOnHost(request, 'veseli', '/otevrena-data/soubory/sazby-poplatku.csv', {
		headers: { 'If-Modified-Since': csv.headers()['last-modified']! },
	})
	expect(notModified.status()).toBe(304)
})
