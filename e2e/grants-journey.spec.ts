// Grants (issue 14), the whole life of an application on the demo (server/demo-grants.ts): the grants
// admin creates a programme in the editor (field errors, then saved); an applicant applies for an
// association by its IČO (ARES simulator prefill; budget over the limit refused, then fixed) and for
// herself; the clerk passes the formal check; two evaluators declare no conflict and score; the admin
// awards one and rejects the other; the clerk generates the contract PDF, marks it signed and paid; the
// applicant sees the reason of the rejection, files the settlement, and the clerk approves it. Every
// page is checked by axe.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { holdNiaHandBack, pickAtNia } from './nia-login'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

const TODAY = new Date().toISOString().slice(0, 10)
const ASSOCIATION = 'Spolek přátel Veselí, z. s.'

/** The next form POST on this page will be refused with 400 (the console's "failed to load" is expected). */
function refusalExpected(page: Page, watch: { expectedErrorUrls: Set<string> }) {
	const url = new URL(page.url())
	watch.expectedErrorUrls.add(`${url.origin}${url.pathname}.data`)
}

type Checks = { visit: (url: string) => Promise<unknown>; expectAccessible: () => Promise<void> }

async function asStaff(page: Page, email: string, { visit, expectAccessible }: Checks) {
	await page.context().clearCookies()
	await visit(urlOn('veseli', '/urad/dotace'))
	await signInStaff(page, email, expectAccessible)
	await expect(page).toHaveURL(urlOn('veseli', '/urad/dotace'))
	await expectAccessible()
}

async function asCitizen(page: Page, path: string, { visit, expectAccessible }: Checks) {
	await page.context().clearCookies()
	await visit(urlOn('veseli', '/dotace'))
	await page.goto(urlOn('veseli', `/auth/nia/login?zpet=${encodeURIComponent(path)}`))
	await pickAtNia(page, 'Jana Nováková', expectAccessible, { checkPicker: true })
	await expect(page).toHaveURL(urlOn('veseli', path))
	await expectAccessible()
}

async function openApplication(page: Page, applicant: string | RegExp, expectAccessible: () => Promise<void>) {
	await page.getByRole('link', { name: applicant }).first().click()
	await expect(page).toHaveURL(/\/urad\/dotace\/zadost\//)
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Žádost o dotaci')
	await expectAccessible()
}

async function fillApplication(page: Page, requested: string) {
	await page.getByLabel('Účel, na který chcete dotaci použít').fill('Letní příměstský tábor pro děti z Veselí')
	await page.getByLabel('Odůvodnění žádosti').fill('Tábor pořádáme desátým rokem, letos pro 40 dětí.')
	await page.getByLabel('Účelu bude dosaženo od').fill('2027-07-01')
	await page.getByLabel('do', { exact: true }).fill('2027-08-31')
	const representatives = page.getByLabel(/Osoby zastupující právnickou osobu/)
	if (await representatives.count()) await representatives.fill('Petr Novák, předseda spolku')
	await page.getByLabel('Kategorie nákladů 1').selectOption({ label: 'Nájem prostor' })
	await page.getByLabel('Popis 1').fill('Pronájem klubovny')
	await page.getByLabel('Vlastní podíl (Kč) 1').fill('20000')
	await page.getByLabel('Požadovaná dotace (Kč) 1').fill(requested)
}

test.describe.configure({ mode: 'serial' })
let applyUrl = ''

test('the grants admin creates a programme in the editor: field errors first, then a saved draft', async ({ page, visit, expectAccessible, watch }) => {
	test.setTimeout(300_000) // sign-ins and axe on every page of a busy 2-core machine
	const checks = { visit, expectAccessible }
	await holdNiaHandBack(page)
	// The grants admin's programme editor: a bad form is refused at its fields, a good one saved as a draft.
	await asStaff(page, 'spravce@veseli.example', checks)
	await page.getByRole('link', { name: 'Nový dotační program' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Nový dotační program' })).toBeVisible()
	await expectAccessible()
	await page.getByLabel('Kód programu').fill('Kultura 2027')
	await page.getByLabel('Celkový rozpočet (Kč)').fill('100000')
	refusalExpected(page, watch)
	await page.getByRole('button', { name: 'Uložit koncept' }).click()
	await expect(page.getByLabel('Kód programu')).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByText('Kód: malá písmena, číslice a pomlčky.')).toBeVisible()
	await expectAccessible()
	await page.getByLabel('Kód programu').fill('kultura-2027')
	await page.getByLabel('Název', { exact: true }).fill('Kulturní akce 2027')
	await page.getByLabel('Účel', { exact: true }).fill('Kulturní akce pro veřejnost')
	await page.getByLabel('Nejvyšší dotace (Kč)').fill('20000')
	await page.getByLabel(/Kategorie nákladů \(/).fill('rent | Nájem')
	await page.getByLabel(/Kritéria \(/).fill('benefit | Přínos | 1 | 10')
	await page.getByLabel('Název výzvy').fill('Výzva 2027')
	await page.getByLabel('Příjem žádostí od').fill('2027-03-01')
	await page.getByLabel(/Příjem žádostí do/).fill('2027-03-31')
	await page.getByRole('button', { name: 'Uložit koncept' }).click()
	await expect(page).toHaveURL(/\/urad\/dotace\/program\/[0-9a-f-]+\?hlaseni=saved/)
	await expect(page.getByText('Koncept programu je uložen.')).toBeVisible()
	await expectAccessible()
})

test('an applicant applies for an association by its IČO (ARES prefill), over the budget limit refused, then fixed', async ({
	page,
	visit,
	expectAccessible,
	watch,
}) => {
	test.setTimeout(300_000) // sign-ins and axe on every page of a busy 2-core machine
	const checks = { visit, expectAccessible }
	await holdNiaHandBack(page)
	// The applicant: an association by its IČO, prefilled from ARES; a budget over the programme's maximum is refused.
	await page.context().clearCookies()
	await visit(urlOn('veseli', '/dotace'))
	const programme = page.getByRole('listitem').filter({ hasText: 'Podpora spolkové činnosti 2027' })
	await expect(programme.getByRole('link', { name: 'Podat žádost' })).toBeVisible()
	applyUrl = (await programme.getByRole('link', { name: 'Podat žádost' }).getAttribute('href')) ?? ''
	await asCitizen(page, applyUrl, checks)
	await page.getByLabel(/Za právnickou osobu/).check()
	await page.getByLabel('IČO', { exact: true }).fill('22654313')
	await page.getByRole('button', { name: 'Založit žádost' }).click()
	await expect(page).toHaveURL(/\/dotace\/zadost\//)
	await expect(page.getByText(ASSOCIATION)).toBeVisible()
	await expectAccessible()
	await fillApplication(page, '70000')
	// The live check flags the budget as it is typed (JavaScript); the server refuses it again on submit.
	await expect(page.getByRole('status').filter({ hasText: 'Požadovaná dotace je vyšší než nejvyšší dotace programu.' })).toBeVisible()
	refusalExpected(page, watch)
	await page.getByRole('button', { name: 'Podat žádost' }).click()
	await expect(page.getByRole('alert')).toHaveText('Požadovaná dotace je vyšší než nejvyšší dotace programu.')
	await expectAccessible()
	await fillApplication(page, '50000')
	await page.getByRole('button', { name: 'Podat žádost' }).click()
	await expect(page).toHaveURL(urlOn('veseli', '/dotace/moje?hlaseni=submitted'))
	await expectAccessible()
})

test('the applicant applies a second time, for herself (the town will reject it)', async ({ page, visit, expectAccessible }) => {
	test.setTimeout(300_000) // sign-ins and axe on every page of a busy 2-core machine
	const checks = { visit, expectAccessible }
	await holdNiaHandBack(page)
	await asCitizen(page, applyUrl, checks)
	await page.getByLabel('Za sebe (fyzická osoba)').check()
	await page.getByRole('button', { name: 'Založit žádost' }).click()
	await expect(page).toHaveURL(/\/dotace\/zadost\//)
	await expectAccessible()
	await fillApplication(page, '30000')
	await page.getByRole('button', { name: 'Podat žádost' }).click()
	await expect(page).toHaveURL(urlOn('veseli', '/dotace/moje?hlaseni=submitted'))
	await expectAccessible()
})

test('the grants clerk passes the formal check of both', async ({ page, visit, expectAccessible }) => {
	test.setTimeout(300_000) // sign-ins and axe on every page of a busy 2-core machine
	const checks = { visit, expectAccessible }
	await holdNiaHandBack(page)
	// The grants clerk: both applications are complete.
	await asStaff(page, 'referent@veseli.example', checks)
	for (const applicant of [ASSOCIATION, 'Jana Nováková']) {
		await openApplication(page, new RegExp(`: ${applicant}`), expectAccessible)
		await page.getByRole('button', { name: 'Zaznamenat' }).click()
		await expect(page.getByText('v hodnocení')).toBeVisible()
		await expectAccessible()
		await visit(urlOn('veseli', '/urad/dotace'))
	}
})

test('the admin assigns two evaluators', async ({ page, visit, expectAccessible }) => {
	test.setTimeout(300_000) // sign-ins and axe on every page of a busy 2-core machine
	const checks = { visit, expectAccessible }
	await holdNiaHandBack(page)
	// The admin assigns both evaluators to the association's application.
	await asStaff(page, 'spravce@veseli.example', checks)
	await openApplication(page, new RegExp(`: ${ASSOCIATION}`), expectAccessible)
	await page.getByLabel('Hynek Hodnotitel').check()
	await page.getByLabel('Hana Hodnotitelová').check()
	await page.getByRole('button', { name: 'Přidělit' }).click()
	await expect(page.getByText(/Hodnotitelé: .*Hynek Hodnotitel \(čeká\)/)).toBeVisible()
	await expectAccessible()
})

test('each evaluator declares no conflict of interest before seeing the content, then scores (a bad score refused at its field)', async ({
	page,
	visit,
	expectAccessible,
}) => {
	test.setTimeout(300_000) // sign-ins and axe on every page of a busy 2-core machine
	const checks = { visit, expectAccessible }
	await holdNiaHandBack(page)
	// Each evaluator declares no conflict of interest before the content shows, then scores.
	for (const [email, points] of [
		['hodnotitel@veseli.example', '8'],
		['hodnotitelka@veseli.example', '9'],
	] as const) {
		await asStaff(page, email, checks)
		await openApplication(page, new RegExp(`: ${ASSOCIATION}`), expectAccessible)
		await expect(page.getByText('Letní příměstský tábor pro děti z Veselí')).toHaveCount(0)
		await page.getByRole('button', { name: 'Prohlásit' }).click()
		await expect(page.getByText('Letní příměstský tábor pro děti z Veselí')).toBeVisible()
		await expectAccessible()
		await page.getByLabel('Přínos pro město (0–10, ×3)').fill('11')
		await page.getByLabel('Počet zapojených osob (0–10, ×2)').fill(points)
		await page.getByLabel('Hospodárnost rozpočtu (0–5, ×1)').fill('4')
		// The browser refuses 11 at the field (max=10) and sends nothing; the server's own "0 až 10" refusal is
		// covered by grants.integration.test.ts.
		await page.getByRole('button', { name: 'Uložit hodnocení' }).click()
		await expect.poll(() => page.getByLabel('Přínos pro město (0–10, ×3)').evaluate((input) => (input as HTMLInputElement).validity.rangeOverflow)).toBe(true)
		await expect(page.getByLabel('Přínos pro město (0–10, ×3)')).toHaveValue('11')
		await page.getByLabel('Přínos pro město (0–10, ×3)').fill(points)
		await page.getByLabel('Počet zapojených osob (0–10, ×2)').fill(points)
		await page.getByLabel('Hospodárnost rozpočtu (0–5, ×1)').fill('4')
		await page.getByRole('button', { name: 'Uložit hodnocení' }).click()
		await expect(page.getByText(/ohodnoceno/).first()).toBeVisible()
		await expectAccessible()
	}
})

test('the admin awards one (less than requested) and rejects the other, a reason required', async ({ page, visit, expectAccessible, watch }) => {
	test.setTimeout(300_000) // sign-ins and axe on every page of a busy 2-core machine
	const checks = { visit, expectAccessible }
	await holdNiaHandBack(page)
	// The admin's decision: the association is awarded (less than requested), the other rejected with a reason.
	await asStaff(page, 'spravce@veseli.example', checks)
	// The ranking by the evaluators' average weighted score: 8×3+8×2+4 = 44 and 9×3+9×2+4 = 49, average 46,5.
	await page.getByRole('link', { name: 'Pořadí žádostí podle hodnocení: Podpora spolkové činnosti 2027' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Pořadí žádostí')
	const ranked = page.getByRole('row').filter({ hasText: ASSOCIATION })
	await expect(ranked).toContainText('46,5')
	await expect(ranked).toContainText('Hana Hodnotitelová: 49')
	await expect(ranked).toContainText('Hynek Hodnotitel: 44')
	await expectAccessible()
	await visit(urlOn('veseli', '/urad/dotace'))
	await openApplication(page, new RegExp(`: ${ASSOCIATION}`), expectAccessible)
	await expect(page.getByText(/Hynek Hodnotitel \(ohodnoceno\), Hana Hodnotitelová \(ohodnoceno\)/)).toBeVisible()
	await page.getByLabel('Číslo usnesení').fill('RM/45/2027')
	await page.getByLabel('Datum usnesení').fill(TODAY)
	await page.getByLabel('Poskytnutá částka (Kč)').fill('45000')
	await page.getByRole('button', { name: 'Rozhodnout' }).click()
	await expect(page.getByText('dotace poskytnuta')).toBeVisible()
	await expectAccessible()
	await visit(urlOn('veseli', '/urad/dotace'))
	await openApplication(page, /: Jana Nováková/, expectAccessible)
	await page.getByLabel('Nevyhovět').check()
	await page.getByLabel('Číslo usnesení').fill('RM/46/2027')
	await page.getByLabel('Datum usnesení').fill(TODAY)
	refusalExpected(page, watch)
	await page.getByRole('button', { name: 'Rozhodnout' }).click()
	await expect(page.getByRole('form', { name: 'Rozhodnutí' }).getByRole('alert')).toHaveText('Vyplňte prosím všechna povinná pole.')
	await expect(page.getByLabel('Důvod nevyhovění')).toHaveAttribute('aria-invalid', 'true')
	await expectAccessible()
	await page.getByLabel('Nevyhovět').check()
	await page.getByLabel('Číslo usnesení').fill('RM/46/2027')
	await page.getByLabel('Datum usnesení').fill(TODAY)
	await page.getByLabel('Důvod nevyhovění').fill('Tábor není spolková činnost podle programu.')
	await page.getByRole('button', { name: 'Rozhodnout' }).click()
	await expect(page.getByText('nevyhověno', { exact: true })).toBeVisible()
	await expectAccessible()
})

test('the clerk generates the contract PDF, marks it signed and paid', async ({ page, visit, expectAccessible }) => {
	test.setTimeout(300_000) // sign-ins and axe on every page of a busy 2-core machine
	const checks = { visit, expectAccessible }
	await holdNiaHandBack(page)
	// The clerk: the contract PDF, signed, paid.
	await asStaff(page, 'referent@veseli.example', checks)
	await openApplication(page, new RegExp(`: ${ASSOCIATION}`), expectAccessible)
	await page.getByRole('button', { name: 'Vytvořit smlouvu' }).click()
	const pdfLink = page.getByRole('link', { name: /^Smlouva .* \(PDF\)$/ })
	await expect(pdfLink).toBeVisible()
	await expectAccessible()
	// Fetched by the page itself (its session cookie; Node's API client cannot resolve *.localhost, e2e/urls.ts).
	const pdf = await page.evaluate(
		async (href) => {
			const response = await fetch(href)
			return {
				status: response.status,
				type: response.headers.get('content-type') ?? '',
				head: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)),
			}
		},
		(await pdfLink.getAttribute('href'))!,
	)
	expect(pdf).toEqual({ status: 200, type: expect.stringContaining('application/pdf'), head: '%PDF-' })
	await page.getByLabel('Podepsána dne').fill(TODAY)
	await page.getByRole('button', { name: 'Označit jako podepsanou' }).click()
	await expect(page.getByText('smlouva podepsána')).toBeVisible()
	await expectAccessible()
	await page.getByLabel('Vyplaceno dne').fill(TODAY)
	await page.getByRole('button', { name: 'Označit jako vyplacené' }).click()
	await expect(page.getByText('vyplaceno', { exact: true })).toBeVisible()
	await expectAccessible()
})

test('the applicant sees the reason of the rejection and files the settlement', async ({ page, visit, expectAccessible }) => {
	test.setTimeout(300_000) // sign-ins and axe on every page of a busy 2-core machine
	const checks = { visit, expectAccessible }
	await holdNiaHandBack(page)
	// The applicant: the rejection's reason on her timeline, then the settlement of the awarded grant.
	await asCitizen(page, '/dotace/moje', checks)
	await expect(page.getByText(/Tábor není spolková činnost podle programu\./)).toBeVisible()
	await page.getByRole('listitem').filter({ hasText: ASSOCIATION }).getByRole('link').first().click()
	await expect(page).toHaveURL(/\/dotace\/zadost\//)
	await expect(page.getByText('Dotace byla poskytnuta ve výši 45 000,00 Kč.')).toBeVisible()
	await expectAccessible()
	// The confirmation of the filed application is a PDF (its content is checked by the integration test).
	await expect(page.getByRole('link', { name: 'Potvrzení o podání žádosti (PDF)' })).toBeVisible()
	// Actual costs per category of the application's budget, the grant used, the narrative and a receipt.
	await page.getByLabel('Skutečné náklady (Kč): Nájem prostor').fill('60000')
	await page.getByLabel('Skutečně použitá dotace (Kč)').fill('40000')
	await page.getByLabel('Závěrečná zpráva').fill('Tábor proběhl, zúčastnilo se 38 dětí.')
	await page.getByLabel('Doklady (PDF, JPEG nebo PNG)').setInputFiles({
		name: 'faktura-najem.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
	})
	await page.getByRole('button', { name: 'Podat vyúčtování' }).click()
	await expect(page).toHaveURL(urlOn('veseli', '/dotace/moje?hlaseni=settlement'))
	await expectAccessible()
})

test('the clerk approves the settlement; the money to return has a variable symbol', async ({ page, visit, expectAccessible }) => {
	test.setTimeout(300_000) // sign-ins and axe on every page of a busy 2-core machine
	const checks = { visit, expectAccessible }
	await holdNiaHandBack(page)
	// The clerk approves the settlement; 5 000 Kč are to be returned under a variable symbol.
	await asStaff(page, 'referent@veseli.example', checks)
	await openApplication(page, new RegExp(`: ${ASSOCIATION}`), expectAccessible)
	await expect(page.getByText(/K vrácení: 5\s000,00\sKč$/)).toBeVisible()
	await page.getByRole('button', { name: 'Zaznamenat' }).click()
	await expect(page.getByText('vyúčtováno', { exact: true })).toBeVisible()
	// The variable symbol comes from the town's VS sequence when the clerk approves the settlement.
	await expect(page.getByText(/K vrácení: 5\s000,00\sKč · VS \d+/)).toBeVisible()
	await expect(page.getByRole('link', { name: 'faktura-najem.pdf' })).toBeVisible()
	await expectAccessible()
})
