// Card payments (issue 5): Petr at Veselí pays next year's waste fee for his cottage through the GoPay
// simulator at 80 % of the base (the portal discount); Marie at Znojmo pays her dog fee through the
// Stripe simulator at full price. Both claims then show paid and a receipt can be downloaded.
import { test as plainTest, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { NIA_SIMULATOR as NIA, holdNiaHandBack, pickAtNia } from './nia-login'
import { urlOn } from './urls'

const NEXT_YEAR = new Date().getUTCFullYear() + 1

async function logIn(page: Page, visit: (url: string) => Promise<unknown>, expectAccessible: () => Promise<void>, town: 'veseli' | 'znojmo', persona: string) {
	await holdNiaHandBack(page)
	await visit(urlOn(town, '/platby'))
	await pickAtNia(page, persona, expectAccessible)
	await expect(page).toHaveURL(urlOn(town, '/platby'))
	await expectAccessible()
}

/** The receipt PDF, fetched by the page itself (the browser resolves *.localhost, Node does not). */
async function downloadReceipt(page: Page) {
	const href = await page.getByRole('link', { name: 'Stáhnout potvrzení o platbě (PDF)' }).getAttribute('href')
	return page.evaluate(async (url) => {
		const response = await fetch(url)
		const bytes = new Uint8Array(await response.arrayBuffer())
		return { status: response.status, type: response.headers.get('content-type'), magic: String.fromCharCode(...bytes.subarray(0, 5)) }
	}, href!)
}

test.describe('card payments', () => {
	// A login through NIA, the gateway's page and five portal pages, each checked by axe.
	test.slow()

	test('Petr at Veselí pays the waste fee through GoPay at 80 % of the base; the claim is paid and a receipt is there', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		await logIn(page, visit, expectAccessible, 'veseli', 'Petr Svoboda')
		const row = page.getByTestId('claim-row').filter({ hasText: `odpadového hospodářství ${NEXT_YEAR}` })
		const claimPath = (await row.getByRole('link').getAttribute('href'))!

		// He first opens the QR code (issue 11.1), then decides to pay by card from the claim's page.
		await visit(urlOn('veseli', claimPath))
		await page.getByRole('button', { name: /Zaplatit QR kódem \(576,00\s*Kč\)/ }).click()
		await expect(page).toHaveURL(/\/platby\/qr\/[0-9a-f-]{36}$/)
		await expectAccessible()
		const qrPath = new URL(page.url()).pathname
		await visit(urlOn('veseli', claimPath))
		await page.getByRole('link', { name: /Zaplatit kartou \(576,00\s*Kč\)/ }).click()
		await expect(page.getByRole('heading', { level: 1, name: 'Platba kartou' })).toBeVisible()
		// The card page warns that a QR payment for the same claim is open.
		await expect(page.getByTestId('open-qr-warning')).toContainText('už máte založenou platbu QR kódem')
		await expectAccessible()
		const breakdown = page.getByRole('table', { name: 'Rozpis platby' })
		await expect(breakdown).toContainText(/720,00\s*Kč/)
		await expect(breakdown).toContainText(/−144,00\s*Kč/)
		await expect(page.getByTestId('to-pay')).toHaveText(/576,00\s*Kč/)
		await expect(page.getByText(`nejpozději 31. 5. ${NEXT_YEAR}`, { exact: false })).toBeVisible()

		await page.getByRole('button', { name: /Zaplatit 576,00\s*Kč/ }).click()
		await expect(page).toHaveURL(/\/gw\/\d+$/)
		await expectAccessible()
		await page.getByRole('button', { name: 'Zaplatit / Pay' }).click()
		await expect(page).toHaveURL(new RegExp(`^${urlOn('veseli', '/platby/gopay/navrat')}\\?id=\\d+$`))
		await expect(page.getByRole('status')).toHaveText('Zaplaceno. Děkujeme, platbu jsme připsali.')
		await expect(page.getByText(/Částka: 576,00\s*Kč/)).toBeVisible()
		await expectAccessible()
		expect(await downloadReceipt(page)).toEqual({ status: 200, type: 'application/pdf', magic: '%PDF-' })

		await visit(urlOn('veseli', claimPath))
		await expect(page.locator('dd').filter({ hasText: /^Zaplaceno$/ })).toBeVisible()
		await expect(page.getByTestId('discount-note')).toHaveText(/^Pohledávka je uhrazena se slevou 144,00\s*Kč/)

		// The QR payment he opened first is cancelled: its page says so plainly and shows no code.
		await visit(urlOn('veseli', qrPath))
		await expect(page.getByTestId('qr-state')).toContainText('Tato platba QR kódem byla zrušena')
		await expect(page.getByTestId('qr-image')).toHaveCount(0)
		await expectAccessible()
	})

	test('Marie at Znojmo pays the dog fee through Stripe at full price; the claim is paid and a receipt is there', async ({ page, visit, expectAccessible }) => {
		await logIn(page, visit, expectAccessible, 'znojmo', 'Marie Horáková')
		const row = page
			.getByTestId('claim-row')
			.filter({ hasText: `Poplatek ze psů` })
			.filter({ hasText: String(NEXT_YEAR) })
			.first()
		const claimPath = (await row.getByRole('link').getAttribute('href'))!

		// From the list: tick the claim, then "pay selected by card".
		await row.getByRole('checkbox').check()
		await page.getByRole('button', { name: 'Zaplatit vybrané kartou' }).click()
		await expect(page.getByRole('heading', { level: 1, name: 'Platba kartou' })).toBeVisible()
		await expectAccessible()
		const breakdown = page.getByRole('table', { name: 'Rozpis platby' })
		const base = (await breakdown.locator('tfoot td').first().textContent())!
		await expect(page.getByTestId('to-pay')).toHaveText(base)
		await expect(breakdown.locator('tfoot td').nth(1)).toHaveText('—')

		await page.getByRole('button', { name: /^Zaplatit / }).click()
		await expect(page).toHaveURL(/\/c\/pay\/cs_test_/)
		await expectAccessible()
		await page
			.getByRole('button', { name: /Zaplatit/ })
			.first()
			.click()
		await expect(page).toHaveURL(new RegExp(`^${urlOn('znojmo', '/platby/stripe/navrat')}\\?session=cs_test_`))
		await expect(page.getByRole('status')).toHaveText('Zaplaceno. Děkujeme, platbu jsme připsali.')
		await expect(page.getByText(`Částka: ${base}`)).toBeVisible()
		await expectAccessible()
		expect(await downloadReceipt(page)).toEqual({ status: 200, type: 'application/pdf', magic: '%PDF-' })

		await visit(urlOn('znojmo', claimPath))
		await expect(page.locator('dd').filter({ hasText: /^Zaplaceno$/ })).toBeVisible()
	})
})

// Without the fixtures: their axe and console checks run scripts in the page, which this test turns off.
plainTest.describe('card payments without JavaScript', () => {
	plainTest.use({ javaScriptEnabled: false })
	plainTest.slow()

	plainTest(
		'Josef at Veselí reaches GoPay from the claim page with JavaScript off (the page sends him on, no form redirect across origins)',
		async ({ page }) => {
			await page.goto(urlOn('veseli', '/platby'))
			await expect(page).toHaveURL(NIA)
			await page.getByRole('button', { name: 'Přihlásit jako Josef Dvořák', exact: false }).click()
			await page.getByRole('button', { name: /Pokračovat/ }).click()
			// The town's ACS page hands NIA's answer on from the town's origin; without JavaScript, by its button.
			await page.getByRole('button', { name: 'Dokončit přihlášení' }).click()
			await expect(page).toHaveURL(urlOn('veseli', '/platby'))
			const dog = page
				.getByTestId('claim-row')
				.filter({ hasText: 'Poplatek ze psů' })
				.filter({ hasText: String(NEXT_YEAR) })
				.first()
			await dog.getByRole('link').click()
			await page.getByRole('link', { name: /Zaplatit kartou/ }).click()
			await expect(page.getByRole('heading', { level: 1, name: 'Platba kartou' })).toBeVisible()
			await page.getByRole('button', { name: /^Zaplatit / }).click()
			await expect(page).toHaveURL(/\/gw\/\d+$/)
			await expect(page.getByRole('button', { name: 'Zaplatit / Pay' })).toBeVisible()
		},
	)
})
