// Every back-office page of the fees and forms agendas is visited with the axe check, in each role that uses it.
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

const PAGES = {
	'referent@veseli.example': [
		'/urad/poplatky/predpisy',
		'/urad/poplatky/obyvatele',
		'/urad/poplatky/zastoupeni',
		'/urad/poplatky/import-povinnosti',
		'/urad/podani',
		'/urad/platby',
	],
	'spravce@veseli.example': ['/urad/poplatky/pravidla', '/urad/poplatky/generovani', '/urad/formulare', '/urad/platebni-brany'],
} as const

for (const [email, paths] of Object.entries(PAGES)) {
	test(`${email} opens every fees and forms page of the office; each passes axe`, async ({ page, visit, expectAccessible }) => {
		test.slow()
		await visit(urlOn('veseli', '/urad/prihlaseni'))
		await signInStaff(page, email, expectAccessible)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
		await expectAccessible()
		for (const path of paths) {
			const response = await visit(urlOn('veseli', path))
			expect(response.status(), path).toBe(200)
			await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible()
		}
	})
}

test('the payments clerk downloads the claims and the payments as CSV', async ({ page, visit, expectAccessible }) => {
	test.slow()
	await visit(urlOn('veseli', '/urad/prihlaseni'))
	await signInStaff(page, 'referent@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
	for (const [path, fileName] of [
		['/urad/poplatky/predpisy.csv', 'predpisy.csv'],
		['/urad/platby.csv', 'platby.csv'],
	] as const) {
		// Fetched by the page (the browser resolves *.localhost and carries the session).
		const download = await page.evaluate(
			async (url) => {
				const response = await fetch(url)
				return {
					status: response.status,
					type: response.headers.get('content-type'),
					disposition: response.headers.get('content-disposition'),
					text: await response.text(),
				}
			},
			urlOn('veseli', path),
		)
		expect(download, path).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}"` })
		expect(download.text.split('\n').length, path).toBeGreaterThan(1)
	}
})
