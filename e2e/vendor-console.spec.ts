// The vendor console's town health (issue 18, decision 024): the table of every town with a verdict
// and its reason per column, a town's detail with "gather now", and the monitoring token that opens
// GET /platform/health.json. Reads only; suspends nothing (other specs share the demo's towns).
import { expect, test } from './fixtures'
import { signInVendor } from './staff-sign-in'
import { getOnHost, urlOn } from './urls'

test.describe('vendor console: town health', () => {
	test('18 town health: every town with a level and a reason per column; search; the detail gathers figures now; a monitoring token opens health.json until revoked', async ({
		page,
		visit,
		expectAccessible,
		request,
	}) => {
		test.setTimeout(300_000)
		await visit(urlOn('platform', '/platform'))
		await signInVendor(page, expectAccessible)
		await expect(page).toHaveURL(urlOn('platform', '/platform'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stav obcí')
		await expectAccessible()

		// Search by host; the row names its level in words and each column its reason.
		await page.getByLabel('Hledat (zkratka, název nebo adresa)').fill('veseli.localhost')
		await page.getByLabel('Řazení').selectOption({ label: 'Podle zkratky' })
		await page.getByRole('button', { name: 'Zobrazit' }).click()
		await expect(page).toHaveURL(/q=veseli.localhost/)
		await expectAccessible()
		const table = page.getByRole('table', { name: /Stav obcí, počet obcí: 1/ })
		const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /veseli-nad-moravou/ }) })
		await expect(row).toHaveCount(1)
		await expect(row.locator('[data-column="status"]')).toContainText('V pořádku')
		await expect(row.locator('[data-column="status"]')).toContainText('v provozu')
		await expect(row.locator('[data-column="schema"]')).toContainText(/aktuální \(\d+ migrací\)/)

		// The detail page: gather the figures now, then every column has its verdict.
		await row.getByRole('link', { name: 'Podrobnosti: Město Veselí nad Moravou' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Město Veselí nad Moravou')
		await expectAccessible()
		await page.getByRole('button', { name: 'Sebrat údaje hned' }).click()
		await expect(page.getByRole('status')).toHaveText('Údaje byly znovu sebrány.')
		await expectAccessible()
		for (const column of [
			'Stav',
			'Schéma',
			'Přihlášení občana',
			'NIA',
			'Spisová služba',
			'Platební brána',
			'Import výpisů',
			'Fronta úloh',
			'E-mail',
			'Bezpečnost (24 h)',
		]) {
			await expect(page.getByRole('term').filter({ hasText: column }), column).toHaveCount(1)
		}
		await expect(page.locator('[data-column="nia"]')).toContainText(/metadata stará \d+ h, certifikáty platné/)
		await expect(page.getByRole('table', { name: /Záznamy stavu/ })).toBeVisible()

		// A monitoring token: shown once, opens health.json, revoked it opens nothing.
		await page.getByRole('link', { name: 'Zpět na stav obcí' }).click()
		await page.getByRole('link', { name: 'Tokeny pro monitoring' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tokeny pro monitoring')
		await expectAccessible()
		await page.getByRole('button', { name: 'Vytvořit token' }).click()
		await expect(page.getByText('Zadejte název o 1 až 60 znacích.')).toBeVisible()
		await expectAccessible()
		const name = `e2e-${Date.now()}`
		await page.getByLabel('Název tokenu').fill(name)
		await page.getByRole('button', { name: 'Vytvořit token' }).click()
		const token = (await page.getByTestId('new-token').textContent())!.trim()
		expect(token).toMatch(/^pvt_/)
		await expectAccessible()

		expect((await getOnHost(request, 'platform', '/platform/health.json')).status()).toBe(401)
		const answer = await getOnHost(request, 'platform', '/platform/health.json', { headers: { authorization: `Bearer ${token}` } })
		expect(answer.status()).toBe(200)
		const health = (await answer.json()) as { towns: { slug: string; columns: Record<string, { level: string; reason: string }> | null }[] }
		const veseli = health.towns.find((town) => town.slug === 'veseli-nad-moravou')!
		expect(veseli.columns!.status).toMatchObject({ level: 'green', reason: 'active' })
		// A town host has no health.json, whatever the token.
		expect((await getOnHost(request, 'veseli', '/platform/health.json', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(404)

		await page.reload()
		await page.getByRole('button', { name: `Zneplatnit token ${name}` }).click()
		await expect(page.getByRole('status')).toHaveText('Token byl zneplatněn.')
		await expectAccessible()
		expect((await getOnHost(request, 'platform', '/platform/health.json', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401)

		// The console speaks English and Ukrainian too.
		await visit(urlOn('platform', '/platform?lng=en'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town health')
		await visit(urlOn('platform', '/platform?lng=uk'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Стан громад')
	})
})
