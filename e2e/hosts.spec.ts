// Host-based tenancy: a secondary host redirects to the primary, an unknown host leaks no town,
// and the vendor console lives only on the platform host.
import { expect, test } from './fixtures'
import { getOnHost, hosts, urlOn } from './urls'

test.describe('hosts', () => {
	test('a secondary host answers 301 to the same path on the primary host', async ({ request }) => {
		const response = await getOnHost(request, 'veseliSecondary', '/kontakt?lng=en', { maxRedirects: 0 })
		expect(response.status()).toBe(301)
		expect(response.headers()['location']).toBe(`http://${hosts.veseli}/kontakt?lng=en`)
	})

	test('in the browser, the secondary host ends up on the primary town page', async ({ page, visit }) => {
		await visit(urlOn('veseliSecondary'))
		await expect(page).toHaveURL(urlOn('veseli'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Město Veselí nad Moravou')
	})

	test('an unknown host gets a plain 404 that names no town', async ({ page, visit }) => {
		await visit(urlOn('unknown'), { status: 404 })
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stránka nenalezena')
		const text = await page.locator('body').innerText()
		expect(text).not.toMatch(/Veselí|Znojmo/)
		expect(await page.content()).not.toMatch(/Veselí|Znojmo|veseli|znojmo/i)
	})

	test('the vendor console renders on the platform host (its sign-in, before anything else)', async ({ page, visit }) => {
		await visit(urlOn('platform', '/platform'))
		await expect(page).toHaveURL(urlOn('platform', '/platform/prihlaseni?zpet=%2Fplatform'))
		await expect(page.getByRole('banner')).toHaveText('Konzole dodavatele')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přihlášení dodavatele')
		// No town's header or name on the vendor host.
		expect(await page.content()).not.toMatch(/Veselí|Znojmo|veseli|znojmo/i)
	})

	test('the platform host root sends visitors to the console', async ({ page, visit }) => {
		await visit(urlOn('platform'))
		await expect(page).toHaveURL(/^http:\/\/admin\.localhost:\d+\/platform\/prihlaseni/)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přihlášení dodavatele')
	})

	test('/platform on a town host is a 404, not the vendor console', async ({ page, visit }) => {
		await visit(urlOn('veseli', '/platform'), { status: 404 })
		await expect(page.getByRole('heading', { name: 'Konzole dodavatele' })).toHaveCount(0)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stránka nenalezena')
	})
})
