// Each town on its own host shows its own name, coat of arms and theme (branding is data per town).
import { expect, test } from './fixtures'
import { getOnHost, urlOn } from './urls'

test.describe('town branding', () => {
	test('Veselí shows its name, its coat of arms and its own primary colour', async ({ page, visit }) => {
		await visit(urlOn('veseli'))

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Město Veselí nad Moravou')
		await expect(page).toHaveTitle(/Město Veselí nad Moravou/)
		const coatOfArms = page.getByRole('banner').getByRole('img', { name: 'Znak: Město Veselí nad Moravou' })
		await expect(coatOfArms).toBeVisible()
		// Loaded, not a broken image with alt text.
		await expect.poll(() => coatOfArms.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
		// The blueprint overrides civic-blue's primary with #0d5c63.
		await expect(page.getByRole('banner')).toHaveCSS('background-color', 'rgb(13, 92, 99)')
		await expect(page.getByRole('heading', { name: 'Co můžete vyřídit' })).toBeVisible()
		await expect(page.getByRole('contentinfo')).toContainText('podatelna@veseli-demo.example')
	})

	test('Znojmo shows its own name, wine-red primary and serif type', async ({ page, visit }) => {
		await visit(urlOn('znojmo'))

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Město Znojmo')
		await expect(page.getByRole('banner').getByRole('img', { name: 'Znak: Město Znojmo' })).toBeVisible()
		await expect(page.getByRole('banner')).toHaveCSS('background-color', 'rgb(122, 31, 61)')
		// wine-red sets Georgia, … serif (and not civic-blue's sans-serif stack).
		await expect(page.locator('body')).toHaveCSS('font-family', /^Georgia,.*(^|[\s,])serif$/)
		await expect(page.getByText('Veselí')).toHaveCount(0)
	})

	test('two towns on one deployment do not share their look', async ({ page, visit }) => {
		const lookOf = async (town: 'veseli' | 'znojmo') => {
			await visit(urlOn(town))
			const banner = page.getByRole('banner')
			return {
				name: await page.getByRole('heading', { level: 1 }).textContent(),
				background: await banner.evaluate((element) => getComputedStyle(element).backgroundColor),
				font: await page.locator('body').evaluate((element) => getComputedStyle(element).fontFamily),
				logo: await banner.getByRole('img').getAttribute('src'),
			}
		}
		const veseli = await lookOf('veseli')
		const znojmo = await lookOf('znojmo')
		expect(veseli.name).not.toBe(znojmo.name)
		expect(veseli.background).not.toBe(znojmo.background)
		expect(veseli.font).not.toBe(znojmo.font)
		// Same path on both hosts, but each serves its own coat of arms.
		const [veseliLogo, znojmoLogo] = await Promise.all([
			getOnHost(page.request, 'veseli', veseli.logo ?? '/brand/logo').then((response) => response.body()),
			getOnHost(page.request, 'znojmo', znojmo.logo ?? '/brand/logo').then((response) => response.body()),
		])
		expect(veseliLogo.equals(znojmoLogo)).toBe(false)
	})
})
