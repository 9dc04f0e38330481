// Issue 15: a citizen writes to the office with an attachment; the agenda's clerk finds it by a word
// without diacritics, replies; the citizen sees the reply, the unread badge and the notification.
import { expect, test } from './fixtures'
import { holdNiaHandBack, pickAtNia } from './nia-login'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

test('citizen writes to the office, the clerk replies, the citizen sees the reply and the unread badge', async ({ page, visit, expectAccessible }) => {
	// two NIA logins and a clerk's TOTP sign-in on a busy machine
	test.setTimeout(180_000)
	const subject = `Kontejner na odpadky ${Date.now()}`
	await visit(urlOn('veseli', '/'))
	// The home page's messages tile leads to /zpravy (no longer "coming soon").
	await expect(page.locator('a[href="/zpravy"]').first()).toBeVisible()
	await holdNiaHandBack(page)
	await visit(urlOn('veseli', '/zpravy'))
	await pickAtNia(page, 'Marie Horáková', expectAccessible, { checkPicker: true })
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zprávy úřadu', { timeout: 30_000 })
	await expectAccessible()
	await page.getByRole('link', { name: 'Napsat úřadu' }).click()
	await expect(page).toHaveURL(/\/zpravy\/nova/)
	await expectAccessible()
	await page.getByLabel('Předmět').fill(subject)
	await page.getByLabel('Text zprávy').fill('U zastávky chybí kontejner na tříděný odpad.')
	await page.getByLabel('Téma').selectOption('sprava-majetku')
	await page.getByLabel('Přílohy (nepovinné)').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PNG })
	await page.getByRole('button', { name: 'Odeslat zprávu' }).click()
	await expect(page.getByRole('status')).toHaveText('Zpráva byla odeslána úřadu.')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject)
	await expect(page.getByRole('link', { name: 'foto.png' })).toBeVisible()
	await expectAccessible()

	await page.context().clearCookies()
	await visit(urlOn('veseli', '/urad/zpravy'))
	await signInStaff(page, 'referent@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zprávy občanů')
	await expectAccessible()
	await page.getByLabel('Hledat v předmětu a textu').fill('trideny odpad')
	await page.getByRole('button', { name: 'Filtrovat' }).click()
	await expect(page).toHaveURL(/q=trideny/)
	await expect(page.getByRole('link', { name: subject })).toBeVisible()
	await expectAccessible()
	await page.getByRole('link', { name: subject }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject)
	await expectAccessible()
	await page.getByLabel('Interní poznámka (občan ji neuvidí)').check()
	await page.getByLabel('Vaše odpověď').fill('Zkontrolovat s technickými službami.')
	await page.getByRole('button', { name: 'Odeslat', exact: true }).click()
	await expect(page.getByRole('status')).toHaveText('Interní poznámka byla uložena.')
	await expectAccessible()
	// The box stays ticked after a note (the safe side): the clerk unticks it to answer the citizen.
	await page.getByLabel('Interní poznámka (občan ji neuvidí)').uncheck()
	await page.getByLabel('Vaše odpověď').fill('Kontejner doplníme do pátku.')
	await page.getByRole('button', { name: 'Odeslat', exact: true }).click()
	await expect(page.getByRole('status')).toHaveText('Odpověď byla odeslána.')
	await expectAccessible()

	await page.context().clearCookies()
	await visit(urlOn('veseli', '/oznameni'))
	await pickAtNia(page, 'Marie Horáková', expectAccessible, { checkPicker: true })
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oznámení', { timeout: 30_000 })
	await expect(page.getByTestId('unread-badge')).toBeVisible()
	await expectAccessible()
	await page.getByRole('link', { name: `Úřad odpověděl: ${subject}` }).click()
	await expect(page.getByText('Kontejner doplníme do pátku.')).toBeVisible()
	await expect(page.getByText('Úřad – Petra Referentová')).toBeVisible()
	await expect(page.getByText('Zkontrolovat s technickými službami.')).toHaveCount(0)
	await expectAccessible()
})
