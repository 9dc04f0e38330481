// A citizen logs in through NIA (the simulator the demo runs), sees their profile, stays anonymous in
// another town, logs out through NIA, and gets a clear page when they cancel at NIA.
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { NIA_SIMULATOR as SIMULATOR, holdNiaHandBack, withoutAutoSubmit } from './nia-login'
import { urlOn } from './urls'

const ACS = /\/auth\/nia\/acs$/

/**
 * NIA hands the browser back with a page that submits itself at once, too fast for an accessibility
 * check, and so does the town's ACS page that hands NIA's answer on from the town's origin (login-CSRF
 * binding, decision 005). The tests take the no-JavaScript path through both: the auto-submit scripts
 * are removed, axe checks each page, and the test presses its button like a citizen without JavaScript.
 */
async function holdNiaAndAcsHandBack(page: Page) {
	await holdNiaHandBack(page)
	// Playwright's fetch runs in Node, which (unlike Chromium) does not resolve *.localhost: the town's
	// ACS is asked at 127.0.0.1 with the town's Host header. Its POST is cross-site: no cookies to carry.
	await page.route(ACS, async (route) => {
		const request = route.request()
		const answer = await postToTown(request.url(), request.postData() ?? '', request.headers())
		await route.fulfill({ status: answer.status, headers: answer.headers, body: withoutAutoSubmit(answer.body) })
	})
}

function postToTown(url: string, body: string, headers: Record<string, string>) {
	const target = new URL(url)
	return new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port: target.port,
				path: target.pathname,
				method: 'POST',
				headers: { ...headers, host: target.host, 'content-length': String(Buffer.byteLength(body)) },
			},
			(response) => {
				let text = ''
				response.setEncoding('utf8')
				response.on('data', (chunk: string) => (text += chunk))
				response.on('end', () => {
					const plain = Object.fromEntries(Object.entries(response.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])))
					resolve({ status: response.statusCode ?? 0, headers: plain, body: text })
				})
			},
		)
		request.on('error', reject)
		request.end(body)
	})
}

async function continueFromNia(page: Page, expectAccessible: () => Promise<void>) {
	await expect(page).toHaveURL(SIMULATOR)
	await expectAccessible()
	await page.getByRole('button', { name: /Pokračovat/ }).click()
}

/** NIA's answer arrives at the town's ACS page, which finishes the login from the town's own origin. */
async function finishAtTown(page: Page, expectAccessible: () => Promise<void>) {
	await expect(page).toHaveURL(ACS)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dokončení přihlášení')
	await expectAccessible()
	await page.getByRole('button', { name: 'Dokončit přihlášení' }).click()
}

async function logInAsJana(page: Page, visit: (url: string) => Promise<unknown>, expectAccessible: () => Promise<void>) {
	// The profile needs a citizen: it sends the visitor to NIA, which shows its login page (the picker).
	await visit(urlOn('veseli', '/profil'))
	await expect(page).toHaveURL(SIMULATOR)
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Přihlášení k online službě')
	await page.getByRole('button', { name: /Přihlásit jako Jana Nováková/ }).click()
	await continueFromNia(page, expectAccessible)
	await finishAtTown(page, expectAccessible)
	await expect(page).toHaveURL(urlOn('veseli', '/profil'))
	await expectAccessible()
}

test.describe('citizen login through NIA', () => {
	test.beforeEach(async ({ page }) => {
		await holdNiaAndAcsHandBack(page)
	})

	test('a citizen logs in at Veselí, sees their name and profile with residency; the same browser is anonymous at Znojmo', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		await logInAsJana(page, visit, expectAccessible)
		const banner = page.getByRole('banner')
		await expect(banner.getByText('Jana Nováková')).toBeVisible()
		await expect(banner.getByRole('link', { name: 'Můj profil' })).toBeVisible()
		await expect(page.getByRole('heading', { level: 1, name: 'Můj profil' })).toBeVisible()
		await expect(page.getByText('Máte v této obci trvalý pobyt.')).toBeVisible()
		await expect(page.getByText('Zámecká 1234/5, 69801 Veselí nad Moravou')).toBeVisible()
		await expect(page.getByText('14. 3. 1985')).toBeVisible()

		// The session cookie is host-only: Znojmo never sees it.
		await visit(urlOn('znojmo'))
		const znojmoBanner = page.getByRole('banner')
		await expect(znojmoBanner.getByRole('link', { name: 'Přihlásit se' })).toBeVisible()
		await expect(znojmoBanner.getByText('Jana Nováková')).toHaveCount(0)
		expect((await page.context().cookies(urlOn('znojmo'))).map((cookie) => cookie.name)).not.toContain('portal_session')
	})

	test('logout ends the session at the portal and at NIA', async ({ page, visit, expectAccessible }) => {
		// A login and a logout through NIA, each page checked by axe: 26 s of 30 on a quiet machine.
		test.slow()
		await logInAsJana(page, visit, expectAccessible)
		await page.getByRole('banner').getByRole('button', { name: 'Odhlásit' }).click()
		await continueFromNia(page, expectAccessible)
		await expect(page).toHaveURL(urlOn('veseli', '/auth/nia/odhlaseno'))
		await expectAccessible()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jste odhlášeni')
		await expect(page.getByRole('banner').getByRole('link', { name: 'Přihlásit se' })).toBeVisible()

		// Logged out for real: the profile sends the visitor to NIA again.
		await visit(urlOn('veseli', '/profil'))
		await expect(page).toHaveURL(SIMULATOR)
	})

	test('two minutes before the idle timeout a logged-in citizen is warned, and the button keeps the session and restarts the countdown', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		await page.clock.install()
		await logInAsJana(page, visit, expectAccessible)
		const warning = page.getByText('Kvůli nečinnosti budete za 2 minuty odhlášeni.')
		const expired = page.getByText('Kvůli nečinnosti jste byli odhlášeni.')
		await expect(warning).toHaveCount(0)
		await page.clock.fastForward('18:30') // the towns' idle timeout is 20 minutes
		await expect(warning).toBeVisible()
		await expectAccessible()

		const keepAlive = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.startsWith('/auth/session'))
		await page.getByRole('button', { name: 'Zůstat přihlášen(a)' }).click()
		expect((await keepAlive).status(), 'the keep-alive found a live citizen session').toBe(204)
		await expect(warning).toHaveCount(0)
		await expect(page.getByRole('banner').getByText('Jana Nováková')).toBeVisible()

		// Past the first deadline nothing says "logged out"; the warning comes again twenty minutes after
		// the click (without the restart it would say "logged out" by then).
		await page.clock.fastForward('02:00')
		await expect(expired).toHaveCount(0)
		await page.clock.fastForward('16:15')
		await expect(warning).toBeVisible()
		await expect(expired).toHaveCount(0)
	})

	test('cancelling at NIA shows what happened and what to do, in Czech', async ({ page, visit, expectAccessible }) => {
		await visit(urlOn('veseli', '/profil'))
		await page.getByRole('button', { name: /Zrušit přihlášení/ }).click()
		await continueFromNia(page, expectAccessible)
		await finishAtTown(page, expectAccessible)
		await expect(page).toHaveURL(urlOn('veseli', '/auth/nia/chyba?duvod=cancelled'))
		await expectAccessible()
		await expect(page).toHaveTitle('Přihlášení se nepodařilo – Město Veselí nad Moravou')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přihlášení se nepodařilo')
		await expect(page.getByText('Přihlášení bylo zrušeno')).toBeVisible()
		await expect(page.getByRole('link', { name: 'Zkusit se přihlásit znovu' })).toHaveAttribute('href', '/auth/nia/login')
		await expect(page.getByRole('banner').getByRole('link', { name: 'Přihlásit se' })).toBeVisible()
	})

	test("11.5 login CSRF on the NIA assertion consumer: Josef's answer, posted into Jana's logged-in browser from another page, is refused and Jana stays herself", async ({
		page,
		browser,
		visit,
		expectAccessible,
	}) => {
		// Two NIA logins in two browsers, each page checked by axe.
		test.slow()
		await logInAsJana(page, visit, expectAccessible)
		// Josef, in his own browser, logs in at NIA as himself and keeps the answer instead of posting it.
		const josefsBrowser = await browser.newContext()
		const josef = await josefsBrowser.newPage()
		await holdNiaAndAcsHandBack(josef)
		await josef.goto(urlOn('veseli', '/auth/nia/login'))
		await josef.getByRole('button', { name: /Přihlásit jako Josef Dvořák/ }).click()
		await expect(josef).toHaveURL(SIMULATOR)
		const samlResponse = await josef.locator('input[name="SAMLResponse"]').inputValue()
		await josefsBrowser.close()

		// A page of another origin in Jana's browser posts it to the town's ACS.
		await page.goto('about:blank')
		await page.setContent(
			`<main><form method="post" action="${urlOn('veseli', '/auth/nia/acs')}"><input type="hidden" name="SAMLResponse" value="${samlResponse}"><button>Vyhrajte cenu</button></form></main>`,
		)
		await page.getByRole('button', { name: 'Vyhrajte cenu' }).click()
		await finishAtTown(page, expectAccessible)
		await expect(page).toHaveURL(urlOn('veseli', '/auth/nia/chyba?duvod=browser'))
		await expectAccessible()
		await expect(page.getByText('Přihlášení bylo dokončeno v jiném prohlížeči')).toBeVisible()
		await expect(page.getByRole('banner').getByText('Jana Nováková')).toBeVisible()
		await expect(page.getByRole('banner').getByText('Josef Dvořák')).toHaveCount(0)
	})

	test('the profile refuses a bad e-mail with a field error, saves a good one, and exports everything as JSON', async ({ page, visit, expectAccessible }) => {
		await logInAsJana(page, visit, expectAccessible)
		const email = page.getByLabel('E-mail pro oznámení')
		await email.fill('jana@')
		await page.getByRole('button', { name: 'Uložit nastavení', exact: true }).click()
		await expect(page.getByText('Zadejte e-mailovou adresu ve tvaru jmeno@domena.cz.')).toBeVisible()
		await expect(email).toHaveAttribute('aria-invalid', 'true')
		await expectAccessible()

		await email.fill('jana@domov.example')
		await page.getByRole('button', { name: 'Uložit nastavení', exact: true }).click()
		await expect(page.getByRole('status')).toHaveText('Nastavení bylo uloženo.')
		await expect(page).toHaveURL(urlOn('veseli', '/profil?ulozeno=1'))
		await expectAccessible()
		await expect(email).toHaveValue('jana@domov.example')

		const download = page.waitForEvent('download')
		await page.getByRole('link', { name: 'Stáhnout data (JSON)' }).click()
		const file = await (await download).path()
		const exported = JSON.parse(readFileSync(file, 'utf8'))
		expect(exported.person).toMatchObject({ givenName: 'Jana', familyName: 'Nováková', notificationEmail: 'jana@domov.example', isResident: true })
		expect(exported.sessions.length).toBeGreaterThan(0)
	})
})
