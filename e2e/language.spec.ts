// Languages: cs by default, en and uk through the switcher (remembered per town by a cookie), and a
// town that restricts its languages; an unknown or disabled language is ignored, never an error.
import { expect, test } from './fixtures'
import { urlOn } from './urls'

test.describe('language', () => {
	test('switching to English and Ukrainian changes the UI and is remembered', async ({ page, visit, expectAccessible }) => {
		await visit(urlOn('veseli'))
		await expect(page.locator('html')).toHaveAttribute('lang', 'cs')
		const switcher = page.getByRole('navigation', { name: 'Jazyk' })
		await expect(switcher.getByRole('link', { name: 'Čeština' })).toHaveAttribute('aria-current', 'true')

		await switcher.getByRole('link', { name: 'English' }).click()
		await expect(page.locator('html')).toHaveAttribute('lang', 'en')
		await expectAccessible()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town of Veselí nad Moravou')
		await expect(page.getByRole('heading', { level: 2, name: 'What you can do here' })).toBeVisible()
		await expect(page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true')

		// Next visit, no ?lng=: the cookie keeps English.
		await visit(urlOn('veseli'))
		await expect(page.locator('html')).toHaveAttribute('lang', 'en')
		await expect(page.getByRole('heading', { level: 2, name: 'What you can do here' })).toBeVisible()

		await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Українська' }).click()
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk')
		await expectAccessible()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Місто Веселі-над-Моравою')
		await expect(page.getByRole('heading', { level: 2, name: 'Що тут можна вирішити' })).toBeVisible()

		await visit(urlOn('veseli'))
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk')
		await expect(page.getByRole('heading', { level: 2, name: 'Що тут можна вирішити' })).toBeVisible()
	})

	test('the language cookie belongs to one town only', async ({ page, visit }) => {
		await visit(urlOn('veseli', '/?lng=en'))
		await expect(page.locator('html')).toHaveAttribute('lang', 'en')
		await visit(urlOn('znojmo'))
		await expect(page.locator('html')).toHaveAttribute('lang', 'cs')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Město Znojmo')
	})

	test('Znojmo offers only Czech and English', async ({ page, visit }) => {
		await visit(urlOn('znojmo'))
		const switcher = page.getByRole('navigation', { name: 'Jazyk' })
		await expect(switcher.getByRole('link')).toHaveText(['Čeština', 'English'])
		await expect(switcher.getByRole('link', { name: 'Українська' })).toHaveCount(0)
	})

	test('a language the town has not enabled falls back to Czech', async ({ page, visit }) => {
		await visit(urlOn('znojmo', '/?lng=uk'))
		await expect(page.locator('html')).toHaveAttribute('lang', 'cs')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Město Znojmo')
		await expect(page.getByRole('heading', { level: 2, name: 'Co můžete vyřídit' })).toBeVisible()
	})

	test('an unknown language is ignored: Czech page, status 200', async ({ page, visit }) => {
		await visit(urlOn('veseli', '/?lng=xx'))
		await expect(page.locator('html')).toHaveAttribute('lang', 'cs')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Město Veselí nad Moravou')
	})
})
