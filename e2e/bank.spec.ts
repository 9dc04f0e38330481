// The payments clerk uploads a bank statement at /urad/banka, sees its summary, finds the unmatched
// transfer in the queue and resolves it with a note, or splits it between a household's claims (also
// without JavaScript); every page passes axe.
import { test as plainTest } from '@playwright/test'
import { generateGpc } from '../app/modules/bank-statements/generate-gpc'
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

test('a payments clerk imports a GPC statement, sees the summary and resolves the unmatched payment', async ({ page, visit, expectAccessible, watch }) => {
	test.slow()
	// A document number unique to this run, so a re-run against the same database imports it as new.
	const doc = String(Date.now() % 1e12)
	const vs = String(8_000_000 + (Date.now() % 1_000_000))
	const statement = generateGpc({
		account: '1778900100',
		movements: [
			{ id: doc, vs, amount: 12345, date: '2026-05-04', name: 'Neznámý plátce' },
			{ id: `${doc}1`, amount: -5000, date: '2026-05-04' },
		],
	})
	await visit(urlOn('veseli', '/urad/prihlaseni'))
	await signInStaff(page, 'referent@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
	await expectAccessible()
	await page.getByRole('navigation', { name: 'Navigace úřadu' }).getByRole('link', { name: 'Banka' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bankovní výpisy')
	await expectAccessible()

	// A malformed file is refused (400) with its line number and nothing is imported.
	watch.expectedErrorUrls.add(urlOn('veseli', '/urad/banka.data?index'))
	await page.getByLabel('Soubor výpisu').setInputFiles({
		name: 'spatny.gpc',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from(statement.toString('latin1').replace(/\r\n075/, '\r\n07X'), 'latin1'),
	})
	await page.getByRole('button', { name: 'Nahrát a spárovat' }).click()
	await expect(page.getByRole('alert').filter({ hasText: 'Výpis nebyl načten' })).toContainText('Řádek 2')
	// The action's page is /urad/banka?index; check it once the URL shows it.
	await expect(page).toHaveURL(/\/urad\/banka\?index$/)
	await expectAccessible()

	await page.getByLabel('Soubor výpisu').setInputFiles({ name: 'vypis-kveten.gpc', mimeType: 'application/octet-stream', buffer: statement })
	await page.getByRole('button', { name: 'Nahrát a spárovat' }).click()
	const summary = page.getByRole('region', { name: 'Souhrn výpisu vypis-kveten.gpc' })
	await expect(summary).toBeVisible({ timeout: 20_000 })
	await expect(summary.getByRole('definition').nth(0)).toHaveText('2')
	await expect(summary).toContainText('Nespárováno (fronta)')
	await expect(page.getByRole('table')).toContainText('vypis-kveten.gpc')
	await expectAccessible()

	await summary.getByRole('link', { name: 'Otevřít frontu nespárovaných plateb' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nespárované platby')
	await expectAccessible()
	await page.getByLabel('Variabilní symbol').fill(vs)
	await page.getByRole('button', { name: 'Filtrovat' }).click()
	await expect(page).toHaveURL(new RegExp(`vs=${vs}`))
	await expect(page.getByText('Nespárovaných plateb: 1.')).toBeVisible()
	await expectAccessible()
	await page.getByRole('link', { name: /Vyřídit platbu/ }).click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Nespárovaná platba')
	await expectAccessible()

	// Without a note nothing happens (the browser's required check); with one the payment is resolved.
	const ignore = page.getByRole('form', { name: 'Vyřídit bez párování' })
	await ignore.getByLabel('Poznámka').fill('Vratka přeplatku dodavateli')
	await ignore.getByRole('button', { name: 'Vyřídit bez párování' }).click()
	await expect(page.getByRole('status')).toHaveText('Platba byla vyřízena bez párování.')
	await expect(page.getByRole('definition').filter({ hasText: 'vyřízeno bez párování' })).toBeVisible()
	await expectAccessible()
})

test('11.4 a bank payment for several claims: the clerk splits one transfer between two claims of the Novák household, the rest stays as an overpayment', async ({
	page,
	visit,
	expectAccessible,
	watch,
}) => {
	// A sign-in with 2FA, a statement import and eight pages checked by axe on a shared 2-core machine.
	test.setTimeout(240_000)
	const doc = String(Date.now() % 1e12)
	const vs = String(7_000_000 + (Date.now() % 1_000_000))
	const statement = generateGpc({ account: '1778900100', movements: [{ id: doc, vs, amount: 100000, date: '2026-05-06', name: 'Novakovi' }] })
	await visit(urlOn('veseli', '/urad/prihlaseni'))
	await signInStaff(page, 'referent@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
	await expectAccessible()
	await visit(urlOn('veseli', '/urad/banka'))
	await page.getByLabel('Soubor výpisu').setInputFiles({ name: 'vypis-domacnost.gpc', mimeType: 'application/octet-stream', buffer: statement })
	await page.getByRole('button', { name: 'Nahrát a spárovat' }).click()
	await expect(page.getByRole('region', { name: 'Souhrn výpisu vypis-domacnost.gpc' })).toBeVisible({ timeout: 20_000 })
	await expectAccessible()
	await visit(urlOn('veseli', `/urad/banka/nesparovane?vs=${vs}`))
	await page.getByRole('link', { name: /Vyřídit platbu/ }).click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Nespárovaná platba')
	await expectAccessible()

	// Nobody's claim carries this VS: the clerk finds the payer by name and splits between the household's claims.
	await expect(page.getByRole('region', { name: 'Rozdělit platbu mezi více předpisů' })).toContainText('Plátce se podle variabilního symbolu nepodařilo určit')
	await page.getByLabel('Variabilní symbol nebo jméno').fill('Martin Novák')
	await page.getByRole('button', { name: 'Hledat' }).click()
	await expect(page).toHaveURL(/q=Martin/)
	await expectAccessible()
	await page.getByRole('link', { name: 'Předpisy osoby Martin Novák a její domácnosti' }).click()
	await expect(page.getByText('Plátce: Martin Novák. Domácnost: Novákovi.')).toBeVisible()
	await expectAccessible()
	const split = page.getByRole('form', { name: 'Částky pro jednotlivé předpisy' })
	const amounts = split.getByRole('textbox', { name: /Částka pro předpis VS/ })
	expect(await amounts.count()).toBeGreaterThanOrEqual(2)
	for (const field of await amounts.all()) await field.fill('')
	await amounts.nth(0).fill('2000')
	await expect(split).toContainText(/Součet převyšuje částku k rozdělení o 1\s000,00\s*Kč/)
	await split.getByLabel('Poznámka').fill('Platba za domácnost Novákových')
	// The server refuses it too (400, nothing changed) and says why.
	const [path, search] = page.url().split('#')[0]!.split('?')
	watch.expectedErrorUrls.add(`${path}.data${search ? `?${search}` : ''}`)
	await split.getByRole('button', { name: 'Rozdělit platbu' }).click()
	await expect(page.getByRole('alert').filter({ hasText: 'Součet částek' })).toContainText(/vyšší než částka k rozdělení \(1\s000,00\s*Kč\); nic se nezměnilo/)
	await expectAccessible()

	await amounts.nth(0).fill('100')
	await amounts.nth(1).fill('50,50')
	await expect(split).toContainText(/Zůstane jako přeplatek: 849,50\s*Kč/)
	await split.getByRole('button', { name: 'Rozdělit platbu' }).click()
	// One transaction and the page's loader again: give a busy machine time.
	await expect(page.getByRole('status')).toHaveText('Platba byla rozdělena mezi předpisy; co nebylo rozděleno, zůstává jako přeplatek.', { timeout: 30_000 })
	const allocation = page.getByRole('region', { name: 'Jak je platba rozdělena' })
	await expect(allocation.getByRole('listitem')).toHaveCount(2)
	await expect(allocation).toContainText(/Přeplatek \(nerozděleno\): 849,50\s*Kč/)
	// The overpayment can be handed on later from the same page.
	await expect(page.getByRole('heading', { name: 'Rozdělit přeplatek mezi další předpisy' })).toBeVisible()
	await expectAccessible()

	// The claim's detail links back to the bank payment.
	await allocation.getByRole('link').first().click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Předpis')
	await expect(page.getByRole('region', { name: 'Bankovní platby k předpisu' })).toContainText(/1\s000,00\s*Kč/)
	await expectAccessible()
})

plainTest.describe('splitting a bank payment without JavaScript', () => {
	plainTest.use({ javaScriptEnabled: false })

	plainTest(
		"11.4 a bank payment for several claims: with JavaScript off the prefilled split form is a plain POST; Josef Dvořák's 1 000 Kč is split as the server prefilled it",
		async ({ page }) => {
			plainTest.setTimeout(240_000)
			const vs = String(6_000_000 + (Date.now() % 1_000_000))
			const statement = generateGpc({
				account: '1778900100',
				movements: [{ id: String(Date.now() % 1e12), vs, amount: 100000, date: '2026-05-07', name: 'Dvorak Josef' }],
			})
			await page.goto(urlOn('veseli', '/urad/prihlaseni'))
			await signInStaff(page, 'referent@veseli.example', async () => {})
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
			await page.goto(urlOn('veseli', '/urad/banka'))
			await page.getByLabel('Soubor výpisu').setInputFiles({ name: 'vypis-bez-js.gpc', mimeType: 'application/octet-stream', buffer: statement })
			await page.getByRole('button', { name: 'Nahrát a spárovat' }).click()
			// Without JavaScript the import page does not poll: the clerk opens the queue until the payment is there.
			await expect
				.poll(
					async () => {
						await page.goto(urlOn('veseli', `/urad/banka/nesparovane?vs=${vs}`))
						return page.getByRole('link', { name: /Vyřídit platbu/ }).count()
					},
					{ timeout: 30_000 },
				)
				.toBe(1)
			await page.getByRole('link', { name: /Vyřídit platbu/ }).click()
			await page.getByLabel('Variabilní symbol nebo jméno').fill('Josef Dvořák')
			await page.getByRole('button', { name: 'Hledat' }).click()
			await page.getByRole('link', { name: 'Předpisy osoby Josef Dvořák a její domácnosti' }).click()
			const split = page.getByRole('form', { name: 'Částky pro jednotlivé předpisy' })
			const amounts = split.getByRole('textbox', { name: /Částka pro předpis VS/ })
			// The server prefilled the amounts earliest due first and says what would be left.
			await expect(amounts.first()).not.toHaveValue('')
			await expect(split).toContainText('Zůstane jako přeplatek:')
			// Only 100 Kč to the earliest claim: Josef's later claims are paid by card in card-payments.spec.ts,
			// which shares this demo database.
			const count = await amounts.count()
			for (let index = 1; index < count; index++) await amounts.nth(index).fill('')
			await amounts.first().fill('100')
			await split.getByLabel('Poznámka').fill('Platba Josefa Dvořáka bez VS')
			await split.getByRole('button', { name: 'Rozdělit platbu' }).click()
			await expect(page.getByRole('status')).toHaveText('Platba byla rozdělena mezi předpisy; co nebylo rozděleno, zůstává jako přeplatek.')
			const allocation = page.getByRole('region', { name: 'Jak je platba rozdělena' })
			expect(await allocation.getByRole('listitem').count()).toBeGreaterThanOrEqual(1)
			await expect(allocation).toContainText('Přeplatek (nerozděleno):')
		},
	)
})
