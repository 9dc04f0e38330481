// Moje platby (issue 4, citizen side): Jana at Veselí sees next year's waste fee with the 20 % portal
// discount, opens the claim and its QR payment; Marie at Znojmo sees hers at full price, no discount.
import type { Page } from '@playwright/test'
import { generateGpc } from '../app/modules/bank-statements/generate-gpc'
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
import { holdNiaHandBack, pickAtNia } from './nia-login'
import { urlOn } from './urls'

const NEXT_YEAR = new Date().getUTCFullYear() + 1

async function openMyPayments(
	page: Page,
	visit: (url: string) => Promise<unknown>,
	expectAccessible: () => Promise<void>,
	town: 'veseli' | 'znojmo',
	persona: string,
) {
	await holdNiaHandBack(page)
	await visit(urlOn(town, '/platby'))
	await pickAtNia(page, persona, expectAccessible)
	await expect(page).toHaveURL(urlOn(town, '/platby'))
	await expect(page.getByRole('heading', { level: 1, name: 'Moje platby' })).toBeVisible()
	await expectAccessible()
}

test.describe('Moje platby', () => {
	// Two logins through NIA and five pages, each checked by axe.
	test.slow()

	test('Jana at Veselí: the waste fee due next year costs 576 Kč instead of 720 Kč through the portal; its QR payment is issued once; the statement with its VS marks it paid', async ({
		page,
		browser,
		visit,
		expectAccessible,
	}) => {
		// Two sessions (Jana through NIA, the clerk with 2FA) and a statement import: more than test.slow() gives.
		test.setTimeout(150_000)
		await openMyPayments(page, visit, expectAccessible, 'veseli', 'Jana Nováková')
		await expect(page.getByRole('banner').getByRole('link', { name: 'Moje platby' })).toBeVisible()
		const rows = page.getByTestId('claim-row')
		// Her household: the child and the grandmother she represents are listed, her partner is not.
		await expect(rows.filter({ hasText: 'Eliška Nováková' }).first()).toBeVisible()
		await expect(rows.filter({ hasText: 'Ludmila Nováková' }).first()).toBeVisible()
		await expect(rows.filter({ hasText: 'Martin Novák' })).toHaveCount(0)
		// This year's fee is overdue (and its discount is gone).
		await expect(rows.filter({ hasText: 'Jana Nováková' }).filter({ hasText: `odpadového hospodářství ${NEXT_YEAR - 1}` })).toContainText('Po splatnosti')

		const waste = rows.filter({ hasText: 'Jana Nováková' }).filter({ hasText: `odpadového hospodářství ${NEXT_YEAR}` })
		await expect(waste).toContainText(/576,00\s*Kč/)
		await expect(waste).toContainText(/720,00\s*Kč/)
		await expect(waste).toContainText(`31. 5. ${NEXT_YEAR}`)
		await waste.getByRole('link').click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Poplatek za obecní systém odpadového hospodářství ${NEXT_YEAR}`)
		await expectAccessible()
		await expect(page.getByTestId('discount-note')).toContainText(
			`Sleva 20 % z poplatku „Poplatek za obecní systém odpadového hospodářství“, když zaplatíte přes portál – kartou nebo tímto QR kódem – do 31. 5. ${NEXT_YEAR}`,
		)
		const claimUrl = page.url()
		const claimVs = await page.getByTestId('claim-vs').textContent()

		await page.getByRole('button', { name: /Zaplatit QR kódem \(576,00\s*Kč\)/ }).click()
		await expect(page).toHaveURL(/\/platby\/qr\/[0-9a-f-]{36}$/)
		await expect(page.getByRole('heading', { level: 1, name: 'QR platba' })).toBeVisible()
		await expectAccessible()
		await expect(page.getByRole('img', { name: 'QR platba' })).toBeVisible()
		await expect(page.getByTestId('qr-amount')).toHaveText(/576,00\s*Kč/)
		await expect(page.getByTestId('qr-iban')).toHaveText('CZ14 0100 0000 0000 1933 0659')
		const vs = (await page.getByTestId('qr-vs').textContent()) ?? ''
		expect(vs).toMatch(/^\d{10}$/)
		expect(vs, 'the QR payment has its own VS, not the letter’s').not.toBe(claimVs)
		await expect(page.getByTestId('qr-discount-note')).toContainText(`do 31. 5. ${NEXT_YEAR}`)

		// The PNG download, fetched by the page itself (the browser resolves *.localhost, Node does not).
		const png = await page.evaluate(async (url) => {
			const response = await fetch(url)
			const bytes = new Uint8Array(await response.arrayBuffer())
			return { status: response.status, type: response.headers.get('content-type'), magic: String.fromCharCode(...bytes.subarray(1, 4)) }
		}, `${page.url()}/qr.png`)
		expect(png).toEqual({ status: 200, type: 'image/png', magic: 'PNG' })

		// Paying the same claim again shows the same QR payment (no new VS per click).
		const qrUrl = page.url()
		await visit(claimUrl)
		await page.getByRole('button', { name: /Zaplatit QR kódem/ }).click()
		await expect(page).toHaveURL(qrUrl)
		await expect(page.getByTestId('qr-vs')).toHaveText(vs)
		await expectAccessible()

		// Jana pays 576 Kč with that VS; the town's statement arrives and the payments clerk uploads it
		// (in a browser of their own: a staff sign-in on the same host would end Jana's session).
		const today = new Date().toISOString().slice(0, 10)
		const statement = generateGpc({
			account: '19330659',
			movements: [{ id: String(Date.now() % 1e12), vs, amount: 57600, date: today, name: 'NOVAKOVA JANA' }],
		})
		const office = await browser.newContext()
		try {
			const clerk = await office.newPage()
			await clerk.goto(urlOn('veseli', '/urad/prihlaseni'))
			await signInStaff(clerk, 'referent@veseli.example', async () => {})
			await expect(clerk.getByRole('heading', { level: 1 })).toHaveText('Přehled')
			await clerk.getByRole('navigation', { name: 'Navigace úřadu' }).getByRole('link', { name: 'Banka' }).click()
			await expect(clerk.getByRole('heading', { level: 1 })).toHaveText('Bankovní výpisy')
			await clerk.getByLabel('Soubor výpisu').setInputFiles({ name: 'vypis-jana.gpc', mimeType: 'application/octet-stream', buffer: statement })
			await clerk.getByRole('button', { name: 'Nahrát a spárovat' }).click()
			const summary = clerk.getByRole('region', { name: 'Souhrn výpisu vypis-jana.gpc' })
			await expect(summary).toBeVisible({ timeout: 20_000 })
			await expect(summary.locator('div', { has: clerk.getByRole('term').filter({ hasText: /^Spárováno$/ }) }).getByRole('definition')).toHaveText('1')
		} finally {
			await office.close()
		}

		// The claim is paid in full: 576 Kč of money and the 144 Kč discount, and its history says so.
		await visit(claimUrl)
		await expect(page.getByRole('definition').filter({ hasText: /^Zaplaceno$/ })).toBeVisible()
		await expect(page.getByRole('main')).toContainText(/144,00\s*Kč/)
		await visit(urlOn('veseli', '/platby'))
		await expect(
			page
				.getByTestId('claim-row')
				.filter({ hasText: 'Jana Nováková' })
				.filter({ hasText: `odpadového hospodářství ${NEXT_YEAR}` }),
		).toContainText('Zaplaceno')
	})

	test('Marie at Znojmo: the list says what is due in total, and the total of what she ticks follows each tick and survives "Sečíst vybrané"', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		// A NIA login and two pages checked by axe: the 90 s of test.slow() ran out on the loaded machine.
		test.setTimeout(180_000)
		await openMyPayments(page, visit, expectAccessible, 'znojmo', 'Marie Horáková')
		await expect(page.getByTestId('due-total')).toHaveText(/^K zaplacení na této stránce: \d+ polož\S+, celkem [\d\s]+,\d\d\s*Kč\.$/)
		const total = page.getByTestId('selected-total')
		await expect(total).toHaveText('Zatím nic nevybráno.')
		const waste = page
			.getByTestId('claim-row')
			.filter({ hasText: 'Marie Horáková' })
			.filter({ hasText: `hospodářství ${NEXT_YEAR}, 1. splátka ze 2` })
		await waste.getByRole('checkbox').check()
		await expect(total).toHaveText(/^Vybrána 1 položka, celkem 420,00\s*Kč\.$/)
		await page.getByRole('button', { name: 'Sečíst vybrané' }).click()
		await expectAccessible()
		await expect(waste.getByRole('checkbox')).toBeChecked()
		await expect(total).toHaveText(/^Vybrána 1 položka, celkem 420,00\s*Kč\.$/)
		await waste.getByRole('checkbox').uncheck()
		await expect(total).toHaveText('Zatím nic nevybráno.')
	})

	test('Marie at Znojmo: the waste fee has no discount and its QR asks for the full amount; a claim she may not read is a clear 404', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		await openMyPayments(page, visit, expectAccessible, 'znojmo', 'Marie Horáková')
		const waste = page
			.getByTestId('claim-row')
			.filter({ hasText: 'Marie Horáková' })
			.filter({ hasText: `hospodářství ${NEXT_YEAR}, 1. splátka ze 2` })
		await expect(waste).toContainText(/420,00\s*Kč/)
		await expect(waste.locator('s')).toHaveCount(0)
		await waste.getByRole('link').click()
		await expect(page).toHaveURL(/\/platby\/[0-9a-f-]{36}$/)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Poplatek za obecní systém odpadového hospodářství ${NEXT_YEAR}, 1. splátka ze 2`)
		await expectAccessible()
		await expect(page.getByTestId('discount-note')).toHaveText('Na tento poplatek se žádná sleva nevztahuje.')
		const claimPath = new URL(page.url()).pathname
		await page.getByRole('button', { name: /Zaplatit QR kódem \(420,00\s*Kč\)/ }).click()
		await expect(page).toHaveURL(/\/platby\/qr\/[0-9a-f-]{36}$/)
		await expectAccessible()
		await expect(page.getByRole('img', { name: 'QR platba' })).toBeVisible()
		await expect(page.getByTestId('qr-amount')).toHaveText(/420,00\s*Kč/)
		await expect(page.getByTestId('qr-vs')).toHaveText(/^\d{10}$/)
		await expect(page.getByTestId('qr-discount-note')).toContainText('žádná sleva')

		// A claim she may not read (here: none with that id in her town) is a clear 404, not an error.
		await visit(urlOn('znojmo', '/platby/00000000-0000-4000-8000-000000000001'), { status: 404 })
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stránka nenalezena')
		expect(claimPath).toMatch(/^\/platby\/[0-9a-f-]{36}$/)
	})
})
