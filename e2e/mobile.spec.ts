// Phones (issue 16, "Mobile and small screens"): at 390×844 every citizen page and the office's lists
// fit the screen (no sideways scroll), their controls are at least 24×24 px, axe is clean, and the main
// journeys work: log in through the header's menu, pay by QR, file a form. Marie at Znojmo pays her
// dog fee of the current year by QR and files a permit for public space: no other spec touches those.
import { test as plainTest, type Page } from '@playwright/test'
import { getContrast } from 'color2k'
import { expect, test } from './fixtures'
import { holdNiaHandBack, NIA_SIMULATOR } from './nia-login'
import { expectFitsPhone, expectNoSideScroll, NARROW_PHONE, PHONE } from './small-screen'
import { signInStaff } from './staff-sign-in'
import { getOnHost, urlOn } from './urls'

const SIMULATOR = NIA_SIMULATOR
const THIS_YEAR = new Date().getUTCFullYear()

/** Opens the header's menu (collapsed on a phone) and follows one of its links, to the end of the navigation. */
async function viaMenu(page: Page, name: string) {
	const header = page.getByRole('banner')
	await header.getByText('Menu', { exact: true }).click()
	const link = header.getByRole('link', { name, exact: true })
	const href = (await link.getAttribute('href')) ?? ''
	await link.click()
	if (!href.includes('?')) await page.waitForURL((url) => url.pathname === href)
}

test.use({ viewport: PHONE })

test.describe('on a phone', () => {
	test.slow()

	test('Marie logs in through the header menu, pays her dog fee by QR and files a permit for public space; every page fits the screen', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		test.setTimeout(300_000)
		await holdNiaHandBack(page)
		await visit(urlOn('znojmo', '/'))
		await expectFitsPhone(page)
		// On a phone the header shows the town and a menu button; the links are behind it.
		const header = page.getByRole('banner')
		await expect(header.getByRole('link', { name: 'Přihlásit se' })).toBeHidden()
		await viaMenu(page, 'Přihlásit se')
		await expect(page).toHaveURL(SIMULATOR)
		await expectAccessible()
		await expectNoSideScroll(page)
		await page.getByRole('button', { name: 'Přihlásit jako Marie Horáková', exact: false }).click()
		await expect(page).toHaveURL(SIMULATOR)
		await expectAccessible()
		await page.getByRole('button', { name: /Pokračovat/ }).click()
		await expect(page).toHaveURL(urlOn('znojmo', '/muj-prehled'))
		await expect(page.getByRole('heading', { level: 1, name: 'Můj přehled' })).toBeVisible()
		await expectAccessible()
		await expectFitsPhone(page)

		// Pay by QR: the list of claims is a stack of cards, each with the same names as the table's cells.
		await viaMenu(page, 'Moje platby')
		await expect(page.getByRole('heading', { level: 1, name: 'Moje platby' })).toBeVisible()
		await expectAccessible()
		await expectFitsPhone(page)
		const dog = page
			.getByTestId('claim-row')
			.filter({ hasText: 'Poplatek ze psů' })
			.filter({ hasText: String(THIS_YEAR) })
			.first()
		await expect(dog.getByRole('checkbox')).toHaveAccessibleName(new RegExp(`^Vybrat .*Poplatek ze psů.*${THIS_YEAR}.*Marie Horáková`))
		await dog.getByRole('link').click()
		await expect(page).toHaveURL(/\/platby\/[0-9a-f-]{36}$/)
		await expectAccessible()
		await expectFitsPhone(page)
		await page.getByRole('button', { name: /Zaplatit QR kódem/ }).click()
		await expect(page).toHaveURL(/\/platby\/qr\/[0-9a-f-]{36}$/)
		await expect(page.getByRole('heading', { level: 1, name: 'QR platba' })).toBeVisible()
		await expectAccessible()
		await expectFitsPhone(page)
		const qr = page.getByRole('img', { name: 'QR platba' })
		await expect(qr).toBeVisible()
		const box = (await qr.boundingBox())!
		expect(box.x + box.width, 'the QR code is whole on the screen').toBeLessThanOrEqual(PHONE.width)
		await expect(page.getByTestId('qr-vs')).toHaveText(/^\d{10}$/)

		// File a form: the catalogue, the form's steps, the confirmation, the list and the submission.
		await viaMenu(page, 'Formuláře')
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		await expectAccessible()
		await expectFitsPhone(page)
		await page.getByRole('link', { name: 'Žádost o zábor veřejného prostranství' }).click()
		await expect(page.getByLabel(/Jméno a příjmení/)).toHaveValue('Marie Horáková')
		await expectAccessible()
		await expectFitsPhone(page)
		await page.getByLabel(/Telefon/).fill('+420 601 234 567')
		await page.getByRole('button', { name: 'Pokračovat' }).click()
		await expect(page.getByText('Krok 2 z 3')).toBeVisible()
		await expectAccessible()
		await expectFitsPhone(page)
		const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
		await page.getByLabel(/Účel záboru/).selectOption('kontejner')
		await page.getByLabel(/Místo/).fill('Obroková 8')
		await page.getByLabel(/Plocha v m²/).fill('6')
		await page.getByRole('textbox', { name: /^Od\b/ }).fill(day)
		await page.getByRole('textbox', { name: /^Do\b/ }).fill(day)
		await page.getByRole('button', { name: 'Pokračovat' }).click()
		await expect(page.getByText('Krok 3 z 3')).toBeVisible()
		await expectAccessible()
		await expectFitsPhone(page)
		await page.getByRole('button', { name: 'Odeslat podání' }).click()
		await expect(page.getByRole('heading', { level: 1, name: 'Podání bylo odesláno' })).toBeVisible()
		await expectAccessible()
		await expectFitsPhone(page)
		const number = (await page.getByText(/^[A-Z]{3}-\d{4}-\d{6}$/).textContent())!

		await viaMenu(page, 'Moje podání')
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		await expectAccessible()
		await expectFitsPhone(page)
		await page.getByRole('link', { name: number }).click()
		await expect(page.getByRole('heading', { level: 1 })).toContainText(number)
		await expectAccessible()
		await expectFitsPhone(page)

		await viaMenu(page, 'Můj profil')
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		await expectAccessible()
		await expectFitsPhone(page)
	})

	test('at 320 px the citizen pages fit: overview, payments, submissions, messages, notifications, grants, profile, and the public ones', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		// One NIA login and fifteen pages, each checked by axe, on a shared machine.
		test.setTimeout(360_000)
		await page.setViewportSize(NARROW_PHONE)
		await holdNiaHandBack(page)
		await visit(urlOn('znojmo', '/'))
		await expectFitsPhone(page)
		await viaMenu(page, 'Přihlásit se')
		await expect(page).toHaveURL(SIMULATOR)
		await expectAccessible()
		await expectNoSideScroll(page)
		await page.getByRole('button', { name: 'Přihlásit jako Marie Horáková', exact: false }).click()
		await expect(page).toHaveURL(SIMULATOR)
		await expectAccessible()
		await page.getByRole('button', { name: /Pokračovat/ }).click()
		await expect(page).toHaveURL(urlOn('znojmo', '/muj-prehled'))
		await expect(page.getByRole('heading', { level: 1, name: 'Můj přehled' })).toBeVisible()
		await expectAccessible()
		await expectFitsPhone(page)
		for (const path of [
			'/platby',
			'/podani',
			'/zpravy',
			'/zpravy/nova',
			'/oznameni',
			'/dotace',
			'/dotace/moje',
			'/dotace/poskytnute',
			'/formulare',
			'/profil',
			'/zaplatit',
			'/prohlaseni-o-pristupnosti',
			'/ochrana-osobnich-udaju',
		]) {
			await visit(urlOn('znojmo', path))
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
			await expectFitsPhone(page)
		}
	})

	test('the focus ring on the teal header of Veselí reaches 3:1, on the skip link and on the header links', async ({ page, visit }) => {
		await visit(urlOn('veseli', '/formulare'))
		const header = await page.evaluate(() => getComputedStyle(document.querySelector('header')!).backgroundColor)
		for (const name of ['Přejít na obsah', 'Veselí nad Moravou', 'Menu']) {
			await page.keyboard.press('Tab')
			const focused = await page.evaluate(() => ({
				text: document.activeElement?.textContent?.trim() ?? '',
				ring: getComputedStyle(document.activeElement!).outlineColor,
				style: getComputedStyle(document.activeElement!).outlineStyle,
			}))
			expect(focused.text).toContain(name)
			expect(focused.style).toBe('solid')
			expect(getContrast(focused.ring, header), `the ring of „${name}“ (${focused.ring}) on the header (${header})`).toBeGreaterThanOrEqual(3)
		}
	})

	test('the public pages fit the screen: forms, official board, open data, statistics, paying without login, legal pages', async ({ page, visit }) => {
		test.setTimeout(240_000)
		for (const path of ['/formulare', '/uredni-deska', '/otevrena-data', '/statistiky', '/zaplatit', '/prohlaseni-o-pristupnosti', '/ochrana-osobnich-udaju']) {
			await visit(urlOn('veseli', path))
			await expectFitsPhone(page)
		}
		await visit(urlOn('veseli', '/uredni-deska'))
		await page.getByRole('main').getByRole('table').getByRole('link').first().click()
		await expect(page).toHaveURL(/\/uredni-deska\/[0-9a-f-]{36}$/)
		await page.waitForLoadState()
		// The document's page, opened by the click: checked by the fixture at the end and here for size.
		await expectFitsPhone(page)
	})

	test("the official board's signed fingerprint: the verification page says the signature is valid, and the public key and JSON answer", async ({
		page,
		visit,
		request,
	}) => {
		// The daily job signs the finished days soon after the server starts.
		await expect.poll(async () => (await getOnHost(request, 'veseli', '/uredni-deska/overeni.json')).status(), { timeout: 60_000 }).toBe(200)
		const json = await (await getOnHost(request, 'veseli', '/uredni-deska/overeni.json')).json()
		expect(json).toMatchObject({ found: true, signed: true, listMatchesHash: true, signatureValid: true, recordsMatch: true, valid: true })
		const key = await getOnHost(request, 'veseli', json.publicKeyUrl)
		expect(key.status()).toBe(200)
		expect(await key.text()).toMatch(/^-----BEGIN PUBLIC KEY-----/)
		expect((await getOnHost(request, 'veseli', '/uredni-deska/overeni.json?den=2026-13-45')).status()).toBe(400)

		await visit(urlOn('veseli', '/uredni-deska'))
		await page.getByRole('link', { name: 'Ověřit podpis otisku' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ověření otisku úřední desky')
		await expect(page.getByTestId('verify-result').getByRole('status')).toContainText('Podpis platí')
		await expect(page.getByTestId('verify-signature')).toHaveText(json.signature)
		await expectFitsPhone(page)
	})

	for (const [email, paths] of [
		[
			'referent@znojmo.example',
			[
				'/urad',
				'/urad/podani',
				'/urad/platby',
				'/urad/banka',
				'/urad/banka/nesparovane',
				'/urad/poplatky/predpisy',
				'/urad/poplatky/obyvatele',
				'/urad/uredni-deska',
			],
		],
		[
			'spravce@znojmo.example',
			[
				'/urad',
				'/urad/formulare',
				'/urad/formulare/novy',
				'/urad/uzivatele',
				'/urad/audit',
				'/urad/poplatky/pravidla',
				'/urad/platebni-brany',
				'/urad/sms',
				'/urad/statistiky',
				'/urad/dlazdice',
			],
		],
	] as const) {
		test(`the office's lists fit the screen for ${email}`, async ({ page, visit, expectAccessible }) => {
			// Nine pages, each checked by axe, on a shared machine.
			test.setTimeout(360_000)
			await visit(urlOn('znojmo', '/urad/prihlaseni'))
			await expectFitsPhone(page)
			await signInStaff(page, email, expectAccessible)
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
			for (const path of paths) {
				await visit(urlOn('znojmo', path))
				await expectFitsPhone(page)
			}
		})
	}
})

// Without the fixtures: their axe and console checks run scripts in the page, which this test turns off.
plainTest.describe('the header menu without JavaScript', () => {
	plainTest.use({ javaScriptEnabled: false, viewport: PHONE })

	plainTest('the menu button opens the header links with JavaScript off', async ({ page }) => {
		await page.goto(urlOn('veseli', '/formulare'))
		const header = page.getByRole('banner')
		await expect(header.getByRole('link', { name: 'Přihlásit se' })).toBeHidden()
		await header.getByText('Menu', { exact: true }).click()
		await expect(header.getByRole('link', { name: 'Přihlásit se' })).toBeVisible()
		await expect(header.getByRole('link', { name: 'English' })).toBeVisible()
	})
})
