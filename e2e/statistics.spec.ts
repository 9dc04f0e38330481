// Town statistics (issue 17): the demo admin opens the statistics from the office navigation, sees
// server-rendered charts each with its data table and CSV, recomputes the figures with the keyboard,
// picks a period without a mouse, downloads a CSV; a bad period is refused in Czech; the public
// page shows only the published figures.
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

test('the admin sees the statistics charts with tables, refreshes them and downloads a CSV, by keyboard', async ({ page, visit, expectAccessible, watch }) => {
	test.slow()
	await visit(urlOn('veseli', '/urad/prihlaseni'))
	await signInStaff(page, 'spravce@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
	await expectAccessible()
	await page.getByRole('navigation', { name: 'Navigace úřadu' }).getByRole('link', { name: 'Statistiky' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistiky')
	await expectAccessible()

	// Every chart is one image with a name, and a table of its values beside it.
	// Thirteen figures (grant applications, conversations and first replies included); a figure with nothing
	// in the period (e.g. no submission resolved yet) says so instead of a chart.
	await expect(page.locator('section[data-testid^="figure-"]')).toHaveCount(13)
	expect(await page.getByTestId('statistics-chart').count()).toBeGreaterThanOrEqual(9)
	await expect(page.getByRole('img', { name: /^Podání Sloupcový graf/ })).toBeVisible()
	await expect(page.getByRole('table', { name: 'Podání: hodnoty grafu', exact: true })).toBeVisible()
	await expect(page.getByRole('table', { name: 'Registrovaní občané: hodnoty grafu', exact: true })).toBeVisible()
	await expect(page.getByRole('table', { name: 'Platby podle způsobu placení' })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Žádosti o dotace podle programů' })).toBeVisible()

	// "Recompute now" with the keyboard; the demo works the job at once and the page says when.
	const refresh = page.getByRole('button', { name: 'Přepočítat teď' })
	await refresh.focus()
	await page.keyboard.press('Enter')
	await expect(page.getByRole('status')).toHaveText('Přepočet statistik byl zadán. Údaje se obnoví za chvíli.')
	await expect(page.getByText(/Údaje spočítány/)).toBeVisible({ timeout: 20_000 })
	await expectAccessible()

	// A quick period by keyboard: "This year", compared with the year before.
	await page.getByRole('navigation', { name: 'Rychlá volba období' }).getByRole('link', { name: 'Tento rok' }).focus()
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL(/od=\d{4}-01&do=\d{4}-12&porovnat=on/)
	await expect(page.getByRole('columnheader', { name: 'Předchozí období' }).first()).toBeVisible()
	await expectAccessible()

	const download = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Stáhnout CSV: Podání', exact: true }).click()
	const file = await download
	expect(file.suggestedFilename()).toMatch(/^statistiky-submissions-\d{4}-01-\d{4}-12\.csv$/)
	const csv = await readFile((await file.path())!, 'utf8')
	expect(csv.split('\r\n')[0]).toBe('month,unit,value,previous_month,previous_value')
	expect(csv.split('\r\n').filter(Boolean)).toHaveLength(13)

	// A period that ends before it starts is refused with a message in Czech.
	watch.expectedErrorUrls.add(urlOn('veseli', '/urad/statistiky?od=2026-05&do=2026-03'))
	await visit(urlOn('veseli', '/urad/statistiky?od=2026-05&do=2026-03'), { status: 400 })
	await expect(page.getByRole('alert')).toHaveText('Období nelze zobrazit. Opravte vyznačená pole.')
	await expect(page.getByText('Konec období nesmí být před jeho začátkem.')).toBeVisible()
})

test('the public statistics show the published figures only, with tables', async ({ page, visit }) => {
	await visit(urlOn('veseli', '/statistiky'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistiky portálu')
	await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(['Registrovaní občané', 'Podání', 'Podíl plateb přes portál'])
	await expect(page.getByTestId('statistics-chart')).toHaveCount(3)
	await expect(page.getByRole('main').getByRole('table')).toHaveCount(3)
})
