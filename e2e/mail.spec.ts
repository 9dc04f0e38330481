// The demo's mail catcher: an operator's test message (`portal mail test`, a separate process that
// only enqueues) is sent by the demo server's in-process worker to its capture server, listed on the
// platform host to signed-in vendor staff, and its link can be clicked through to the town.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, test } from './fixtures'
import { signInVendor } from './staff-sign-in'
import { urlOn } from './urls'

// The database e2e/start-server.ts gives the demo server.
const databaseUrl = new URL(process.env.DATABASE_URL_TEST ?? 'postgresql://postgres@127.0.0.1:5432/test')
databaseUrl.pathname = `/${process.env.E2E_DATABASE ?? 'portal_e2e'}`

async function sendTestMail(options: { to: string; locale: string; link: string }) {
	await promisify(execFile)(
		process.execPath,
		['build/server/cli.js', 'mail', 'test', '--tenant', 'veseli-nad-moravou', '--to', options.to, '--locale', options.locale, '--link', options.link],
		{ env: { ...process.env, DATABASE_URL: databaseUrl.toString(), NODE_ENV: 'test' }, timeout: 150_000 },
	)
}

test.describe('demo mail catcher', () => {
	test('18 demo mail catcher behind vendor sign-in: a test e-mail shows on the mail page after the vendor signs in, newest first; its detail lists the link, which leads to the town', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		// Starts a CLI process (the built build/server/cli.js) before the browser part: slow on a busy machine.
		test.setTimeout(300_000)
		const to = `e2e-${Date.now()}@example.test`
		await sendTestMail({ to, locale: 'cs', link: urlOn('veseli') })

		// Anyone not signed in is sent to the vendor sign-in, and back to the mail page after it.
		await visit(urlOn('platform', '/platform/mail'))
		await expect(page).toHaveURL(urlOn('platform', '/platform/prihlaseni?zpet=%2Fplatform%2Fmail'))
		await signInVendor(page, expectAccessible)
		await expect(page).toHaveURL(urlOn('platform', '/platform/mail'))
		await expect(page).toHaveTitle('Lapač pošty ukázkového režimu – Portál občana')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lapač pošty ukázkového režimu')
		await expectAccessible()
		await expect.poll(async () => (await page.reload(), await page.getByRole('row').filter({ hasText: to }).count()), { timeout: 20_000 }).toBe(1)
		const row = page.getByRole('row').filter({ hasText: to })
		await expect(row.getByRole('cell').nth(1)).toHaveText('Město Veselí nad Moravou')

		await row.getByRole('link', { name: 'Zkušební zpráva – Město Veselí nad Moravou' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zkušební zpráva – Město Veselí nad Moravou')
		await expectAccessible()
		await expect(page.getByRole('definition').filter({ hasText: to })).toBeVisible()
		await expect(page.getByText('Pokud ji čtete, nastavení odesílání pošty (SMTP) funguje.')).toBeVisible()
		await expect(page.getByRole('img', { name: 'Náhled přílohy coat-of-arms.svg' })).toBeVisible()

		await page.getByRole('link', { name: 'Otevřít portál' }).click()
		await expect(page).toHaveURL(urlOn('veseli'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Město Veselí nad Moravou')
		await expectAccessible()
	})

	test('18 demo mail catcher behind vendor sign-in: the console names the catcher, and the page speaks English and Ukrainian', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		test.slow()
		await visit(urlOn('platform', '/platform'))
		await signInVendor(page, expectAccessible)
		await expect(page).toHaveURL(urlOn('platform', '/platform'))
		await expect(page.getByRole('heading', { level: 2, name: 'Lapač pošty ukázkového režimu' })).toBeVisible()
		await expectAccessible()
		await page.getByRole('link', { name: 'Otevřít zachycenou poštu' }).click()
		await expect(page).toHaveURL(urlOn('platform', '/platform/mail'))
		await expectAccessible()
		await visit(urlOn('platform', '/platform/mail?lng=en'))
		await expect(page.locator('html')).toHaveAttribute('lang', 'en')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo mail catcher')
		await visit(urlOn('platform', '/platform/mail?lng=uk'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Перехоплювач пошти демо-режиму')
	})

	test('a town host has no mail page', async ({ page, visit }) => {
		await visit(urlOn('veseli', '/platform/mail'), { status: 404 })
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stránka nenalezena')
	})
})
