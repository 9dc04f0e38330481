// Issue 18, settings round trip: the vendor edits a town's settings in the console
// (/platform/obce/<slug>/nastaveni/<group>). Bad input is refused at its field and changes nothing; a
// good value is applied and shows in the town's audit with its old and new value; an SVG coat of arms
// with a script is refused with the reason, not cleaned. Znojmo's data box ID is added (it has none;
// no other spec reads it). Saving from a page someone else saved since is refused. Every group's page
// fits a 390 px phone.
import { expect, test } from './fixtures'
import { expectNoSideScroll, expectTargetSizes, PHONE } from './small-screen'
import { signInVendor } from './staff-sign-in'
import { hosts, SERVER_ORIGIN, urlOn } from './urls'

const EVIL_SVG =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(document.cookie)</script><rect width="10" height="10" fill="#0d5c63"/></svg>'

test.describe('vendor console: town settings', () => {
	// One after the other: the vendor's two sign-ins must not offer the same TOTP code at once.
	test.describe.configure({ mode: 'default' })
	test('18 town settings: a bad data box ID is refused at the field; a good one is applied and audited with old and new value; an SVG with a script is refused', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		test.setTimeout(240_000)
		await visit(urlOn('platform', '/platform/obce/znojmo/nastaveni/contact'))
		await signInVendor(page, expectAccessible)
		await expect(page).toHaveURL(urlOn('platform', '/platform/obce/znojmo/nastaveni/contact'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontakty')
		await expectAccessible()

		// Bad input: the message sits at the field, nothing is saved.
		const dataBox = page.getByLabel('ID datové schránky')
		await expect(dataBox).toHaveValue('')
		await dataBox.fill('ZN 7')
		await page.getByRole('button', { name: 'Uložit a použít' }).click()
		await expect(page.getByRole('alert').filter({ hasText: 'nic nebylo uloženo' })).toContainText('Opravte 1 chybu', { timeout: 30_000 })
		await expect(dataBox).toHaveAttribute('aria-invalid', 'true')
		await expect(dataBox).toHaveAccessibleDescription(/7 znaků/)
		await expectAccessible()

		// A good value: applied, and the town's page lists it in the audit with the old and the new value.
		await dataBox.fill('zn7x4ab')
		await page.getByRole('button', { name: 'Uložit a použít' }).click()
		await expect(page).toHaveURL(/\/platform\/obce\/znojmo\?hlaseni=settingsSaved/, { timeout: 30_000 })
		await expect(page.getByRole('status').filter({ hasText: 'Nastavení uloženo' })).toHaveText('Nastavení uloženo: 1 změna (viz audit níže).')
		const audit = page.getByRole('region', { name: 'Akce dodavatele v této obci' }).or(page.locator('section[aria-labelledby="health-audit"]'))
		const row = audit.getByRole('row').filter({ hasText: 'změna nastavení' }).first()
		await expect(row).toContainText('vendor:')
		await expect(row).toContainText('contact.dataBox: (nic) → zn7x4ab')
		await expectAccessible()

		// The settings page shows the value now held.
		await page.getByRole('link', { name: 'Kontakty' }).click()
		await expect(page.getByLabel('ID datové schránky')).toHaveValue('zn7x4ab')

		// An SVG coat of arms with a script is refused with the reason; the coat of arms stays.
		await page.getByRole('navigation', { name: 'Skupiny nastavení' }).getByRole('link', { name: 'Vzhled a znak' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vzhled a znak')
		const logoHint = await page.getByText(/^Nyní: coat-of-arms\.svg/).textContent()
		await page.getByLabel('Znak obce (SVG nebo PNG)').setInputFiles({ name: 'znak.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(EVIL_SVG) })
		await page.getByRole('button', { name: 'Uložit a použít' }).click()
		await expect(page.getByText('SVG bylo odmítnuto: obsahuje skript. Nahrajte čisté SVG jen s tvary a barvami.')).toBeVisible({ timeout: 30_000 })
		await expect(page.getByLabel('Znak obce (SVG nebo PNG)')).toHaveAttribute('aria-invalid', 'true')
		await expectAccessible()
		await page.getByRole('navigation', { name: 'Skupiny nastavení' }).getByRole('link', { name: 'Kontakty' }).click()
		await page.getByRole('navigation', { name: 'Skupiny nastavení' }).getByRole('link', { name: 'Vzhled a znak' }).click()
		await expect(page.getByText(/^Nyní: coat-of-arms\.svg/)).toHaveText(logoHint!)

		// Two editors: while this page is open, someone else saves the contacts. Saving from the stale page
		// is refused with the reason and changes nothing; saving again from the reloaded page applies.
		await page.getByRole('navigation', { name: 'Skupiny nastavení' }).getByRole('link', { name: 'Kontakty' }).click()
		await expect(page.getByLabel('ID datové schránky')).toHaveValue('zn7x4ab')
		const form = Object.fromEntries(
			await page
				.locator('form[method="post"] :is(input, select, textarea)[name]')
				.evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((input) => [input.name, input.value])),
		) as Record<string, string>
		// Node cannot resolve *.localhost: the other editor's request goes to 127.0.0.1 with the host named.
		const cookies = await page.context().cookies(urlOn('platform', '/'))
		const other = await page.request.post(`${SERVER_ORIGIN}/platform/obce/znojmo/nastaveni/contact`, {
			headers: { host: hosts.platform, cookie: cookies.map(({ name, value }) => `${name}=${value}`).join('; ') },
			form: { ...form, 'contact.dataBox': 'zn7x4ac' },
			maxRedirects: 0,
		})
		expect(other.status()).toBe(302)
		expect(other.headers().location).toMatch(/^\/platform\/obce\/znojmo\?hlaseni=settingsSaved/)
		await page.getByLabel('ID datové schránky').fill('zn7x4ad')
		await page.getByRole('button', { name: 'Uložit a použít' }).click()
		await expect(page.getByRole('alert').filter({ hasText: 'mezitím uložil někdo jiný' })).toContainText('Vaše změny nebyly uloženy', { timeout: 30_000 })
		await expectAccessible()
		// Opened again, the page shows the other editor's value.
		await visit(urlOn('platform', '/platform/obce/znojmo/nastaveni/contact'))
		await expect(page.getByLabel('ID datové schránky')).toHaveValue('zn7x4ac')
	})

	test('18 town settings on a phone: every group’s page fits 390 px, its controls are big enough, and it passes axe', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		test.setTimeout(180_000)
		await page.setViewportSize(PHONE)
		await visit(urlOn('platform', '/platform/obce/veseli-nad-moravou/nastaveni/identity'))
		await signInVendor(page, expectAccessible)
		await expect(page).toHaveURL(urlOn('platform', '/platform/obce/veseli-nad-moravou/nastaveni/identity'))
		for (const [group, heading] of Object.entries(GROUP_HEADINGS)) {
			await visit(urlOn('platform', `/platform/obce/veseli-nad-moravou/nastaveni/${group}`))
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
			await expectNoSideScroll(page)
			await expectTargetSizes(page)
		}
	})
})

const GROUP_HEADINGS = {
	identity: 'Název a druh obce',
	contact: 'Kontakty',
	languages: 'Jazyky',
	look: 'Vzhled a znak',
	payments: 'Platební účet',
	hosts: 'Adresy (hosty)',
	nia: 'Přihlašování přes NIA',
	agendas: 'Agendy podání',
}
