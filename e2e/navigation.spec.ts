// Moving around a town: its own 404 page, the skip link, and client-side navigation after hydration.
import { expect, test } from './fixtures'
import { urlOn } from './urls'

test.describe('navigation', () => {
	test("an unknown path on a town shows the town's own 404 page", async ({ page, visit }) => {
		await visit(urlOn('veseli', '/tohle-neexistuje'), { status: 404 })
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stránka nenalezena')
		await expect(page).toHaveTitle('Stránka nenalezena – Město Veselí nad Moravou')
		// Still the town's page: its header, theme and contacts.
		const banner = page.getByRole('banner')
		await expect(banner.getByRole('link', { name: /Město Veselí nad Moravou/ })).toBeVisible()
		await expect(banner).toHaveCSS('background-color', 'rgb(13, 92, 99)')
		await expect(page.getByRole('contentinfo')).toContainText('podatelna@veseli-demo.example')
		await expect(page.getByRole('link', { name: 'Zpět na úvodní stránku' })).toHaveAttribute('href', '/')
	})

	test("the town's 404 page speaks the visitor's language, title included", async ({ page, visit }) => {
		await visit(urlOn('veseli', '/tohle-neexistuje?lng=en'), { status: 404 })
		await expect(page.locator('html')).toHaveAttribute('lang', 'en')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
		await expect(page).toHaveTitle('Page not found – Town of Veselí nad Moravou')
	})

	test('the first Tab reaches the skip link, which moves on to the main content', async ({ page, visit }) => {
		await visit(urlOn('veseli'))
		await page.keyboard.press('Tab')
		const skipLink = page.getByRole('link', { name: 'Přejít na obsah' })
		await expect(skipLink).toBeFocused()
		await expect(skipLink).toBeVisible()
		await page.keyboard.press('Enter')
		await expect(page).toHaveURL(/#main$/)
		const main = page.getByRole('main')
		await expect(main).toBeFocused()
		await expect(main).toBeInViewport()
	})

	test('after hydration, the town name link navigates client-side from the 404 page to the home page', async ({ page, visit, expectAccessible }) => {
		await visit(urlOn('znojmo', '/neni-tu'), { status: 404 })
		// A marker on window survives a client-side navigation but not a full page load.
		await page.evaluate(() => Object.assign(window, { __e2eSamePage: true }))
		await page
			.getByRole('banner')
			.getByRole('link', { name: /Město Znojmo/ })
			.click()
		await expect(page).toHaveURL(urlOn('znojmo'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Město Znojmo')
		await expect(page.getByRole('heading', { level: 2, name: 'Co můžete vyřídit' })).toBeVisible()
		expect(await page.evaluate(() => (window as unknown as { __e2eSamePage?: boolean }).__e2eSamePage)).toBe(true)
		await expectAccessible()
	})
})
