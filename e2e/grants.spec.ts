// Grants (issue 14): the public pages and the office's list, on a phone, checked by axe. The full
// applicant and office journey is not built into the demo yet (no demo programme; decision 022).
import { expect, test } from './fixtures'
import { expectFitsPhone, PHONE } from './small-screen'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

test.use({ viewport: PHONE })

test('the public grants pages and the awarded list read without login and fit a phone', async ({ page, visit }) => {
	await visit(urlOn('veseli', '/dotace'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dotace')
	await expectFitsPhone(page)
	await visit(urlOn('veseli', '/dotace/poskytnute'))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Poskytnuté dotace')
	await expectFitsPhone(page)
})

test('the grants clerk opens the office list of applications', async ({ page, visit, expectAccessible }) => {
	test.slow()
	await visit(urlOn('veseli', '/urad/dotace'))
	await signInStaff(page, 'referent@veseli.example', expectAccessible)
	await expect(page).toHaveURL(urlOn('veseli', '/urad/dotace'))
	await expectAccessible()
	await expectFitsPhone(page)
})
