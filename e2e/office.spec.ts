// The back office (/urad) and the vendor console (/platform): signing in with password + TOTP,
// what an admin cannot skip, errors in Czech, the audit log, signing out. The demo accounts come
// from the demo seed (server/demo-staff.ts); TOTP codes are computed from their known secret.
import type { Page } from '@playwright/test'
import { generate } from 'otplib'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_VENDOR } from '../app/modules/staff/demo-staff'
import { expect, test } from './fixtures'
import { urlOn } from './urls'

const totp = () => generate({ secret: DEMO_TOTP_SECRET })

/** A refused sign-in answers 400 (bad input); Chromium logs the form's data request as an error. */
function expectRefusal(watch: { expectedErrorUrls: Set<string> }, url: string) {
	watch.expectedErrorUrls.add(`${url.split('?')[0]}.data`)
}

async function passwordStep(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.getByLabel('E-mail').fill(email)
	await page.getByLabel('Heslo', { exact: true }).fill(password)
	await page.getByRole('button', { name: 'Přihlásit se' }).click()
}

async function codeStep(page: Page) {
	await page.getByLabel('Ověřovací kód').fill(await totp())
	await page.getByRole('button', { name: 'Ověřit' }).click()
}

test.describe('office sign-in', () => {
	test('a clerk signs in with password and TOTP and sees the office home', async ({ page, visit, expectAccessible }) => {
		await visit(urlOn('veseli', '/urad'))
		await expect(page).toHaveURL(urlOn('veseli', '/urad/prihlaseni?zpet=%2Furad'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přihlášení na úřad')
		await passwordStep(page, 'referent@veseli.example')
		await expect(page).toHaveURL(/\/urad\/overeni/)
		await expectAccessible()
		await codeStep(page)
		await expect(page).toHaveURL(urlOn('veseli', '/urad'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
		await expect(page.getByRole('heading', { level: 2, name: 'Petra Referentová' })).toBeVisible()
		await expect(page.getByRole('main')).toContainText('referent')
		await expect(page.getByRole('main')).toContainText('podání, platby, dotace')
		await expect(page.getByRole('navigation', { name: 'Navigace úřadu' }).getByRole('link', { name: 'Přehled' })).toBeVisible()
		// A clerk may not browse the audit log, so the office menu does not offer it.
		await expect(page.getByRole('link', { name: 'Auditní záznam' })).toHaveCount(0)
		await expectAccessible()
	})

	test('an admin cannot skip TOTP: after the password, /urad and every other office page lead to the code step', async ({ page, visit, expectAccessible }) => {
		await visit(urlOn('veseli', '/urad/prihlaseni'))
		await passwordStep(page, 'spravce@veseli.example')
		await expect(page).toHaveURL(/\/urad\/overeni/)
		await expectAccessible()
		await visit(urlOn('veseli', '/urad'))
		await expect(page).toHaveURL(urlOn('veseli', '/urad/overeni'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ověření přihlášení')
		await visit(urlOn('veseli', '/urad/audit'))
		await expect(page).toHaveURL(urlOn('veseli', '/urad/overeni'))
	})

	test('a wrong password shows a clear error in Czech and keeps the e-mail', async ({ page, visit, expectAccessible, watch }) => {
		expectRefusal(watch, urlOn('znojmo', '/urad/prihlaseni'))
		await visit(urlOn('znojmo', '/urad/prihlaseni'))
		await passwordStep(page, 'referent@znojmo.example', 'tohle-neni-spravne-heslo')
		await expect(page.getByRole('alert')).toHaveText('Nesprávný e-mail nebo heslo. Zkontrolujte je a zkuste to znovu.')
		await expect(page.getByLabel('E-mail')).toHaveValue('referent@znojmo.example')
		await expectAccessible()
	})

	test("the office speaks the town's other languages too (Ukrainian at Veselí)", async ({ page, visit }) => {
		await visit(urlOn('veseli', '/urad/prihlaseni?lng=uk'))
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вхід для працівників муніципалітету')
		await expect(page).toHaveTitle('Вхід для працівників муніципалітету – Місто Веселі-над-Моравою')
		await expect(page.getByRole('button', { name: 'Увійти' })).toBeVisible()
	})

	test('an empty form is refused in the browser with a message per field, and nothing is sent', async ({ page, visit }) => {
		await visit(urlOn('veseli', '/urad/prihlaseni'))
		await page.getByRole('button', { name: 'Přihlásit se' }).click()
		await expect(page.getByLabel('E-mail')).toHaveAccessibleDescription('Vyplňte toto pole.')
		await expect(page.getByLabel('Heslo', { exact: true })).toHaveAttribute('aria-invalid', 'true')
		await expect(page).toHaveURL(urlOn('veseli', '/urad/prihlaseni'))
	})

	test('the admin browses the audit log and finds the failed sign-in', async ({ page, visit, expectAccessible, watch }) => {
		// Two sign-ins (one refused), the audit log filtered and a bad range: seven pages checked by axe.
		test.slow()
		expectRefusal(watch, urlOn('veseli', '/urad/prihlaseni'))
		const stranger = `neznamy-${Date.now()}@veseli.example`
		await visit(urlOn('veseli', '/urad/prihlaseni'))
		await passwordStep(page, stranger, 'hadam-heslo-nahodne')
		await expect(page.getByRole('alert')).toContainText('Nesprávný e-mail nebo heslo')
		await expectAccessible()

		await passwordStep(page, 'spravce@veseli.example')
		await expect(page).toHaveURL(/\/urad\/overeni/)
		await expectAccessible()
		await codeStep(page)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
		await expectAccessible()
		await page.getByRole('navigation', { name: 'Navigace úřadu' }).getByRole('link', { name: 'Auditní záznam' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auditní záznam')
		await expectAccessible()

		await page.getByLabel('Událost').selectOption({ label: 'Neúspěšné přihlášení' })
		await page.getByLabel('Výsledek').selectOption({ label: 'neúspěch' })
		await page.getByRole('button', { name: 'Filtrovat' }).click()
		await expect(page).toHaveURL(/akce=auth\.login_failed/)
		const row = page.getByRole('row').filter({ hasText: stranger })
		await expect(row).toHaveCount(1)
		await expect(row).toContainText('Neúspěšné přihlášení')
		await expect(row).toContainText('Důvod: neznámý účet')
		await expectAccessible()

		// A bad date range is explained and lists nothing.
		await visit(urlOn('veseli', '/urad/audit?od=2026-12-01&do=2026-11-01'), { status: 400 })
		await expect(page.getByText('Datum „do“ nesmí být před datem „od“.')).toBeVisible()
		await expect(page.getByRole('table')).toHaveCount(0)
	})

	test('signing out ends the session: the office asks for the sign-in again', async ({ page, visit, expectAccessible }) => {
		await visit(urlOn('znojmo', '/urad/prihlaseni'))
		await passwordStep(page, 'auditor@znojmo.example')
		await expect(page).toHaveURL(/\/urad\/overeni/)
		await expectAccessible()
		await codeStep(page)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
		await expectAccessible()
		await page.getByRole('button', { name: 'Odhlásit se' }).click()
		await expect(page).toHaveURL(urlOn('znojmo', '/urad/prihlaseni?hlaseni=logged-out'))
		await expect(page.getByRole('status')).toHaveText('Byli jste odhlášeni.')
		await expectAccessible()
		await visit(urlOn('znojmo', '/urad'))
		await expect(page).toHaveURL(urlOn('znojmo', '/urad/prihlaseni?zpet=%2Furad'))
	})

	test('two minutes before the idle timeout a notice offers to stay signed in, and the button keeps the session', async ({ page, visit, expectAccessible }) => {
		await page.clock.install()
		await visit(urlOn('znojmo', '/urad/prihlaseni'))
		await passwordStep(page, 'referent@znojmo.example')
		await expect(page).toHaveURL(/\/urad\/overeni/)
		await expectAccessible()
		await codeStep(page)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
		const notice = page.getByText('Kvůli nečinnosti budete za 2 minuty odhlášeni.')
		await expect(notice).toHaveCount(0)
		await page.clock.fastForward('18:30')
		await expect(notice).toBeVisible()
		await expectAccessible()
		await page.getByRole('button', { name: 'Zůstat přihlášen(a)' }).click()
		await expect(notice).toHaveCount(0)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
	})
})

test.describe('vendor console', () => {
	test('vendor staff sign in on the platform host with password and TOTP and see the towns, then sign out', async ({ page, visit, expectAccessible }) => {
		await visit(urlOn('platform', '/platform'))
		await expect(page).toHaveURL(urlOn('platform', '/platform/prihlaseni?zpet=%2Fplatform'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přihlášení dodavatele')
		await passwordStep(page, DEMO_VENDOR.email)
		await expect(page).toHaveURL(/\/platform\/overeni/)
		await expectAccessible()
		await codeStep(page)
		await expect(page).toHaveURL(urlOn('platform', '/platform'))
		// The console's front page is the towns' health table (decision 024; e2e/vendor-console.spec.ts goes further).
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stav obcí')
		const table = page.getByRole('table', { name: /Stav obcí/ })
		await expect(table.getByRole('rowheader', { name: /veseli-nad-moravou/ })).toBeVisible()
		await expect(
			table
				.getByRole('row')
				.filter({ has: page.getByRole('rowheader', { name: /znojmo/ }) })
				.locator('[data-column="status"]'),
		).toContainText('v provozu')
		await expectAccessible()
		await page.getByRole('button', { name: 'Odhlásit se' }).click()
		await expect(page).toHaveURL(urlOn('platform', '/platform/prihlaseni?hlaseni=logged-out'))
		await expectAccessible()
		await visit(urlOn('platform', '/platform'))
		await expect(page).toHaveURL(/\/platform\/prihlaseni/)
	})

	test('a town staff account cannot sign in to the vendor console', async ({ page, visit, expectAccessible, watch }) => {
		expectRefusal(watch, urlOn('platform', '/platform/prihlaseni'))
		await visit(urlOn('platform', '/platform/prihlaseni'))
		await passwordStep(page, 'spravce@veseli.example')
		await expect(page.getByRole('alert')).toHaveText('Nesprávný e-mail nebo heslo. Zkontrolujte je a zkuste to znovu.')
		await expectAccessible()
	})
})
