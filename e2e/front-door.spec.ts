// The citizen's front door (issue 16): the overview after login, the tile entry from the state Portál
// občana (with and without a session, and with JavaScript off), the two legal pages in each town and
// the town admin's tile page and legal page edits.
import { test as plainTest, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
import { NIA_SIMULATOR as SIMULATOR, holdNiaHandBack, pickAtNia } from './nia-login'
import { getOnHost, urlOn } from './urls'

const NEXT_YEAR = new Date().getUTCFullYear() + 1

/** The browser's Veselí cookies, for requests made from Node (which cannot resolve *.localhost). */
async function cookieHeader(page: Page) {
	return (await page.context().cookies(urlOn('veseli'))).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
}

test.describe('Můj přehled and the tile entry', () => {
	test.slow()

	test('the tile entry sends Jana (no session) to NIA and she lands on Můj přehled: money due with the discount, next due dates, her represented family; with a session the entry goes straight there', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		// A NIA login and six pages, each checked by axe, on a shared machine.
		test.setTimeout(240_000)
		await holdNiaHandBack(page)
		await page.goto(urlOn('veseli', '/portal-obcana'))
		await pickAtNia(page, 'Jana Nováková', expectAccessible, { checkPicker: true })
		await expect(page).toHaveURL(urlOn('veseli', '/muj-prehled'))
		await expectAccessible()
		await expect(page.getByRole('heading', { level: 1, name: 'Můj přehled' })).toBeVisible()

		const money = page.getByRole('region', { name: 'K zaplacení' })
		await expect(money.getByTestId('overview-due-now')).toContainText(/Teď k zaplacení: [\d\s]+,\d\d\s*Kč/)
		await expect(money).toContainText(/Při platbě přes portál do \d+\. \d+\. \d{4} ušetříte [\d\s]+,\d\d\s*Kč\./)
		await expect(money).toContainText('po splatnosti')
		await expect(
			money
				.getByTestId('overview-claim')
				.filter({ hasText: `odpadového hospodářství ${NEXT_YEAR}` })
				.first(),
		).toBeVisible()

		// The people she represents, each with what is due for them; her partner is not among them.
		const represented = page.getByRole('region', { name: 'Osoby, které zastupujete' })
		await expect(represented.getByTestId('overview-represented').filter({ hasText: 'Eliška Nováková' })).toBeVisible()
		await expect(represented.getByTestId('overview-represented').filter({ hasText: 'Ludmila Nováková' })).toBeVisible()
		await expect(represented).not.toContainText('Martin Novák')
		await expect(page.getByRole('region', { name: 'Rozpracovaná podání' })).toBeVisible()
		// Unread messages, new notifications and grant applications, each with a link to its list.
		const messages = page.getByRole('region', { name: 'Nepřečtené zprávy' })
		await expect(messages.getByTestId('overview-messages-unread')).toHaveText(/^(Žádná nepřečtená zpráva od úřadu\.|Nepřečten\S+ konverza\S+: \d+)$/)
		await expect(messages.getByRole('link', { name: 'Všechny zprávy' })).toHaveAttribute('href', '/zpravy')
		const notifications = page.getByRole('region', { name: 'Nová oznámení' })
		await expect(notifications.getByTestId('overview-notifications-unread')).toBeVisible()
		await expect(notifications.getByRole('link', { name: 'Všechna oznámení' })).toHaveAttribute('href', '/oznameni')
		const grants = page.getByRole('region', { name: 'Žádosti o dotace' })
		await expect(grants.getByRole('link', { name: 'Moje žádosti' })).toHaveAttribute('href', '/dotace/moje')
		for (const item of await grants.getByTestId('overview-grant').all())
			await expect(item.getByRole('link')).toHaveAttribute('href', /^\/dotace\/zadost\/[0-9a-f-]{36}$/)

		// Every item links to its page.
		await money.getByTestId('overview-claim').first().getByRole('link').click()
		await expect(page).toHaveURL(/\/platby\/[0-9a-f-]{36}$/)
		await expectAccessible()

		// The header links back; the tile entry with a session goes straight to the overview (no NIA).
		await page.getByRole('banner').getByRole('link', { name: 'Můj přehled' }).click()
		await expect(page).toHaveURL(urlOn('veseli', '/muj-prehled'))
		await expectAccessible()
		const entry = await getOnHost(page.request, 'veseli', '/portal-obcana', { maxRedirects: 0, headers: { cookie: await cookieHeader(page) } })
		expect(entry.status()).toBe(302)
		expect(entry.headers().location).toBe('/muj-prehled')
		await visit(urlOn('veseli', '/'))
		await expect(page.getByRole('main').getByRole('link', { name: /Můj přehled/ })).toHaveAttribute('href', '/muj-prehled')
	})

	test('the login link on the home page lands on Můj přehled by default', async ({ page, visit, expectAccessible }) => {
		await holdNiaHandBack(page)
		await visit(urlOn('znojmo', '/'))
		await page.getByRole('banner').getByRole('link', { name: 'Přihlásit se' }).click()
		await pickAtNia(page, 'Marie Horáková', expectAccessible, { checkPicker: true })
		await expect(page).toHaveURL(urlOn('znojmo', '/muj-prehled'))
		await expectAccessible()
		await expect(page.getByRole('heading', { level: 1, name: 'Můj přehled' })).toBeVisible()
	})
})

// Without the fixtures: their axe and console checks run scripts in the page, which this test turns off.
plainTest.describe('the tile entry without JavaScript', () => {
	plainTest.use({ javaScriptEnabled: false })
	plainTest.slow()

	plainTest(
		'with JavaScript off the tile entry starts the NIA login at once and lands on Můj přehled; a second visit goes straight there',
		async ({ page }) => {
			await page.goto(urlOn('veseli', '/portal-obcana'))
			await expect(page).toHaveURL(SIMULATOR)
			await page.getByRole('button', { name: 'Přihlásit jako Josef Dvořák', exact: false }).click()
			await page.getByRole('button', { name: /Pokračovat/ }).click()
			// The town's ACS page hands NIA's answer on from the town's origin; without JavaScript, by its button.
			await page.getByRole('button', { name: 'Dokončit přihlášení' }).click()
			await expect(page).toHaveURL(urlOn('veseli', '/muj-prehled'))
			await expect(page.getByRole('heading', { level: 1, name: 'Můj přehled' })).toBeVisible()
			await page.goto(urlOn('veseli', '/portal-obcana'))
			await expect(page).toHaveURL(urlOn('veseli', '/muj-prehled'))
		},
	)
})

test.describe('legal pages in every town', () => {
	test.slow()
	for (const [town, name, email] of [
		['veseli', 'Město Veselí nad Moravou', 'podatelna@veseli-demo.example'],
		['znojmo', 'Město Znojmo', 'podatelna@znojmo-demo.example'],
	] as const) {
		test(`${name}: the footer links the accessibility statement (523/2020 structure) and the privacy notice, both filled from the town`, async ({
			page,
			visit,
			expectAccessible,
		}) => {
			await visit(urlOn(town, '/'))
			const footer = page.getByRole('contentinfo')
			await expect(footer.getByRole('link', { name: 'Portál občana (gov.cz)' })).toHaveAttribute('href', 'https://obcan.portal.gov.cz/')
			await footer.getByRole('link', { name: /zákonem č. 99\/2019 Sb./ }).click()
			await expect(page).toHaveURL(urlOn(town, '/prohlaseni-o-pristupnosti'))
			await expectAccessible()
			await expect(page.getByRole('heading', { level: 1, name: 'Prohlášení o přístupnosti' })).toBeVisible()
			await expect(page.getByRole('main')).toContainText(`${name} se zavazuje zpřístupnit své internetové stránky`)
			for (const heading of [
				'Stav souladu',
				'Nepřístupný obsah',
				'Vypracování tohoto prohlášení o přístupnosti',
				'Zpětná vazba a kontaktní údaje',
				'Postupy pro vymáhání',
			]) {
				await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
			}
			await expect(page.getByTestId('compliance-status')).toHaveText(
				'Tyto internetové stránky jsou částečně v souladu se zákonem č. 99/2019 Sb., a to kvůli níže uvedeným nesouladům a výjimkám.',
			)
			await expect(page.getByRole('main')).toContainText(email)
			await expect(page.getByRole('main')).toContainText('Ministerstvo vnitra')

			await page.getByRole('contentinfo').getByRole('link', { name: 'Ochrana osobních údajů' }).click()
			await expect(page).toHaveURL(urlOn(town, '/ochrana-osobnich-udaju'))
			await expectAccessible()
			await expect(page.getByRole('main')).toContainText(`Správcem je ${name}`)
			for (const purpose of [
				'Přihlášení přes Národní identitní autoritu (NIA)',
				'Poplatky a platby',
				'Formuláře a podání',
				'Žádosti o dotace',
				'Zprávy úřadu a oznámení',
			]) {
				await expect(page.getByRole('rowheader', { name: purpose })).toBeVisible()
			}
			await expect(page.getByRole('main')).toContainText('Portál používá pouze nezbytně nutné cookies')
		})
	}

	test('the Veselí admin adds the DPO to the privacy notice (a bad e-mail is refused and changes nothing); Znojmo keeps its default; the tile page shows the entry URL, the logo and a green NIA check', async ({
		page,
		visit,
		expectAccessible,
		watch,
	}) => {
		test.setTimeout(300_000)
		// The refused save answers 400 (with the field errors), which Chromium logs as a console error.
		watch.expectedErrorUrls.add(urlOn('veseli', '/urad/pravni-stranky.data'))
		await visit(urlOn('veseli', '/urad/prihlaseni'))
		await signInStaff(page, 'spravce@veseli.example', expectAccessible)
		await expect(page).toHaveURL(urlOn('veseli', '/urad'))
		await expectAccessible()

		await visit(urlOn('veseli', '/urad/dlazdice'))
		await expect(page.getByTestId('tile-entry-url')).toHaveText(urlOn('veseli', '/portal-obcana'))
		await expect(page.getByTestId('nia-check-summary')).toHaveText('Vše odpovídá; přihlášení přes NIA je připravené.')
		await expect(page.getByRole('main')).toContainText('Město Veselí nad Moravou – Portál občana')
		const cookie = await cookieHeader(page)
		const png = await getOnHost(page.request, 'veseli', '/urad/dlazdice/logo/dlazdice-256.png', { headers: { cookie } })
		expect(png.headers()['content-type']).toBe('image/png')
		const bytes = await png.body()
		expect(bytes.readUInt32BE(16)).toBe(256)
		expect(bytes.readUInt32BE(20)).toBe(256)
		const svg = await getOnHost(page.request, 'veseli', '/urad/dlazdice/logo/dlazdice.svg', { headers: { cookie } })
		expect(await svg.text()).toContain('<image')

		await visit(urlOn('veseli', '/urad/pravni-stranky'))
		const privacy = page.getByRole('form', { name: 'Ochrana osobních údajů' })
		await privacy.getByLabel('Pověřenec: jméno nebo název').fill('Ing. Petr Pověřený')
		await privacy.getByLabel('Pověřenec: e-mail').fill('neni-email')
		await privacy.getByRole('button', { name: 'Uložit' }).click()
		await expect(page.getByRole('alert')).toHaveText('Nic se neuložilo; opravte prosím vyznačená pole.')
		await expectAccessible()
		await visit(urlOn('veseli', '/ochrana-osobnich-udaju'))
		await expect(page.getByRole('main')).not.toContainText('Ing. Petr Pověřený')

		await visit(urlOn('veseli', '/urad/pravni-stranky'))
		await privacy.getByLabel('Pověřenec: jméno nebo název').fill('Ing. Petr Pověřený')
		await privacy.getByLabel('Pověřenec: e-mail').fill('poverenec@veseli.example')
		await privacy.getByRole('button', { name: 'Uložit' }).click()
		await expect(page.getByText('Uloženo.')).toBeVisible()
		await expectAccessible()
		await visit(urlOn('veseli', '/ochrana-osobnich-udaju'))
		await expect(page.getByTestId('dpo')).toContainText('Ing. Petr Pověřený')
		await expect(page.getByTestId('dpo')).toContainText('poverenec@veseli.example')
		await visit(urlOn('znojmo', '/ochrana-osobnich-udaju'))
		await expect(page.getByRole('main')).toContainText('Kontakt na pověřence zatím úřad nedoplnil')

		// Back to the default, so the demo database stays as it was.
		await visit(urlOn('veseli', '/urad/pravni-stranky'))
		await privacy.getByRole('button', { name: 'Vrátit výchozí znění' }).click()
		await expect(page.getByText('Vráceno výchozí znění.')).toBeVisible()
		await expectAccessible()
	})
})
