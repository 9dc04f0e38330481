// Issue 18: vendor staff onboard "Obec Nová Ves" through the console's wizard (/platform/obce/nova).
// A bad IBAN and a low-contrast colour are refused at their fields, then fixed; the new host answers
// at once with its look; the invited admin sets a password and TOTP; a citizen logs in there through
// the demo's NIA simulator (the town was registered with it when it was created); health lists it.
import { generate } from 'otplib'
import { expect, test } from './fixtures'
import { holdNiaHandBack, pickAtNia } from './nia-login'
import { signInVendor } from './staff-sign-in'
import { urlOn } from './urls'

const COAT_OF_ARMS =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 48"><path d="M0 0h40v30L20 48 0 30z" fill="#1b5e20"/><circle cx="20" cy="20" r="8" fill="#ffd54f"/></svg>'
const ADMIN_PASSWORD = 'nova-ves-pevne-heslo-2026'

test.describe('vendor console: onboarding a town', () => {
	test('18 onboarding wizard: Obec Nová Ves is onboarded (bad IBAN and low contrast refused, then fixed); its host answers with its look; its admin signs in with TOTP; a citizen logs in through NIA; health shows it', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		test.setTimeout(300_000)
		await visit(urlOn('platform', '/platform/obce/nova'))
		await signInVendor(page, expectAccessible)
		await expect(page).toHaveURL(urlOn('platform', '/platform/obce/nova'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nová obec')
		await expectAccessible()
		const next = () => page.getByRole('button', { name: 'Pokračovat' }).click()
		// Each step's answer may take a while on a busy machine (ARES, DNS, the theme check).
		const stepHeading = (text: RegExp) => expect(page.getByRole('heading', { level: 2 })).toHaveText(text, { timeout: 30_000 })

		// 1. Identity; the IČO is checked in (the demo's) ARES.
		await stepHeading(/Krok 1 z 6: Identita/)
		await page.getByLabel('Název (česky)').fill('Obec Nová Ves')
		await page.getByLabel('Název (anglicky)').fill('Nová Ves')
		await page.getByLabel('IČO').fill('00293717')
		await page.getByLabel('Kód obce (RÚIAN)').fill('594491')
		await page.getByLabel('Zkratka').fill('nova-ves')
		await page.getByLabel('Adresa úřadu').fill('Návesní 1, 664 91 Nová Ves')
		await page.getByLabel('Telefon').fill('+420 546 123 456')
		await page.getByLabel('E-mail podatelny').fill('podatelna@novaves.example')
		await next()
		await stepHeading(/Krok 2 z 6: Adresy/)
		await expect(page.getByRole('status')).toHaveText('ARES: IČO patří subjektu Obec Nová Ves.')
		await expectAccessible()

		// 2. Hosts: *.localhost is verified at once.
		await page.getByLabel('Hlavní adresa (host)').fill('novaves.localhost')
		await next()
		await stepHeading(/Krok 3 z 6: Vzhled/)
		await expect(page.getByTestId('host-checks')).toContainText('novaves.localhost. CNAME admin.localhost.')
		await expect(page.getByTestId('host-checks')).toContainText('ověřeno')
		await expectAccessible()

		// 3. Look: a pale text colour is refused, naming the pair; then a readable one with the coat of arms.
		await page.getByLabel('Hlavní barva').fill('#1b5e20')
		await page.getByLabel('Text', { exact: true }).fill('#bbbbbb')
		await page.getByLabel('Znak obce (SVG nebo PNG)').setInputFiles({ name: 'znak.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(COAT_OF_ARMS) })
		await next()
		await expect(page.getByRole('alert')).toContainText('nic nebylo uloženo', { timeout: 30_000 })
		await expect(page.getByText(/Text na pozadí „Pozadí stránky“ má kontrast [\d.]+ : 1, potřeba je aspoň 4.5 : 1./)).toBeVisible()
		await expect(page.getByLabel('Text', { exact: true })).toHaveAttribute('aria-invalid', 'true')
		await expectAccessible()
		await page.getByLabel('Text', { exact: true }).fill('#1a1a1a')
		await page.getByLabel('Znak obce (SVG nebo PNG)').setInputFiles({ name: 'znak.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(COAT_OF_ARMS) })
		await next()

		// 4. Languages, fees, forms: a bad IBAN is refused at its field, then fixed.
		await stepHeading(/Krok 4 z 6: Jazyky, poplatky a formuláře/)
		await expectAccessible()
		await page.getByLabel('Účet obce (IBAN)').fill('CZ65 0800 0000 1920 0014 5398')
		await page.getByLabel('Poplatek za odpad').selectOption({ label: 'poplatek za odpad se slevou za platbu přes portál' })
		await page.getByLabel('Poplatek ze psů').check()
		await page.getByLabel('Přihlášení psa k místnímu poplatku').check()
		await next()
		await expect(page.getByText('Zadejte platný český IBAN (CZ…).')).toBeVisible({ timeout: 30_000 })
		await expect(page.getByLabel('Účet obce (IBAN)')).toHaveAttribute('aria-invalid', 'true')
		await expectAccessible()
		await page.getByLabel('Účet obce (IBAN)').fill('CZ65 0800 0000 1920 0014 5399')
		await next()

		// 5. NIA: the addresses to register are shown.
		await stepHeading(/Krok 5 z 6: NIA a napojení/)
		await expect(page.getByText(/^http:\/\/novaves\.localhost:\d+\/auth\/nia\/acs$/)).toBeVisible()
		await expectAccessible()
		await next()

		// 6. The first admin; finishing creates the town with progress.
		await stepHeading(/Krok 6 z 6: První správce/)
		await expectAccessible()
		const adminEmail = `starosta-${Date.now()}@novaves.example`
		await page.getByLabel('Jméno a příjmení').fill('Jana Starostová')
		await page.getByLabel('E-mail').fill(adminEmail)
		await page.getByRole('button', { name: 'Založit obec' }).click()
		// Creating the town's schema runs every migration: slow on a busy machine.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Obec Nová Ves je založena', { timeout: 120_000 })
		await expect(page.getByRole('status')).toContainText(`pozvánka pro správce odeslána na ${adminEmail}`)
		await expect(page.getByTestId('onboarding-progress')).toContainText('town created')
		await expectAccessible()
		// The blueprint as a zip.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Stáhnout blueprint (zip)' }).click()])
		expect(download.suggestedFilename()).toBe('nova-ves-blueprint.zip')

		// The console's health lists the town.
		await visit(urlOn('platform', '/platform?q=nova-ves'))
		const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /nova-ves/ }) })
		await expect(row).toHaveCount(1)
		await expect(row.locator('[data-column="status"]')).toContainText('v provozu')

		// The invitation, from the demo's mail catcher.
		await visit(urlOn('platform', '/platform/mail'))
		await expect.poll(async () => (await page.reload(), await page.getByRole('row').filter({ hasText: adminEmail }).count()), { timeout: 30_000 }).toBe(1)
		await page.getByRole('row').filter({ hasText: adminEmail }).getByRole('link').first().click()
		// The message's own page, before its axe check (not the list it was opened from).
		await expect(page).toHaveURL(/\/platform\/mail\/[0-9a-f-]{36}$/)
		await expectAccessible()
		const link = await page.locator('a[href*="/urad/pozvanka/"]').first().getAttribute('href')
		expect(link).toMatch(new RegExp(`^${urlOn('novaves', '/urad/pozvanka/')}`))

		// The new host answers with its look.
		await visit(urlOn('novaves'))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Obec Nová Ves')
		expect(await page.content()).toContain('--town-color-primary:#1b5e20;')

		// The admin accepts the invitation: a password, then TOTP is mandatory.
		await visit(link!)
		await page.getByLabel('Nové heslo', { exact: true }).fill(ADMIN_PASSWORD)
		await page.getByLabel('Nové heslo znovu').fill(ADMIN_PASSWORD)
		await page.getByRole('button', { name: 'Nastavit heslo a přihlásit se' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nastavení dvoufázového ověření')
		await expectAccessible()
		const secret = (await page.locator('code').first().textContent())!.replace(/\s+/g, '')
		await page.getByLabel('Kód z aplikace').fill(await generate({ secret }))
		await page.getByRole('button', { name: 'Zapnout dvoufázové ověření' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dvoufázové ověření je zapnuté')
		await expectAccessible()

		// A citizen logs in there through the NIA simulator.
		await holdNiaHandBack(page)
		await visit(urlOn('novaves', '/profil'))
		await pickAtNia(page, 'Jana Nováková', expectAccessible)
		await expect(page).toHaveURL(urlOn('novaves', '/profil'))
		await expect(page.getByRole('banner').getByText('Jana Nováková')).toBeVisible()
		await expectAccessible()
	})
})
