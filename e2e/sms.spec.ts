// Issue 15, the SMS channel: on a phone (390 px) a citizen enters a mobile number on /profil/telefon,
// gets the code by SMS (the demo's SMSbrána simulator), a wrong code is refused at the field, the
// right one confirms the number; the text is on the simulator's page. Then he chooses announcements of
// the topic "Doprava" by SMS, the transport clerk sends one, and it reaches his phone and no other.
import { expect, test } from './fixtures'
import { holdNiaHandBack, pickAtNia } from './nia-login'
import { expectNoSideScroll, PHONE } from './small-screen'
import { signInStaff } from './staff-sign-in'
import { urlOn } from './urls'

// The second test texts the number the first one confirmed.
test.describe.configure({ mode: 'serial' })
let confirmedPhone = ''

const SMS_SIMULATOR = `http://127.0.0.1:${process.env.DEMO_SMS_PORT ?? 7006}`

test('a citizen confirms a phone number for SMS with the code the simulator received', async ({ page, visit, expectAccessible, watch }) => {
	test.setTimeout(60_000)
	await page.setViewportSize(PHONE)
	const national = `77${String(Date.now()).slice(-7)}`
	const e164 = `420${national}`
	confirmedPhone = e164
	// A refused number or code answers 400 with the message at its field (the form's data request).
	watch.expectedErrorUrls.add(urlOn('veseli', '/profil/telefon.data'))
	watch.expectedErrorUrls.add(urlOn('veseli', '/profil/telefon.data?stav=odeslano'))
	await holdNiaHandBack(page)
	await visit(urlOn('veseli', '/profil/telefon'))
	await pickAtNia(page, 'Josef Dvořák', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Telefon pro SMS', { timeout: 30_000 })
	await expectAccessible()
	await expectNoSideScroll(page)

	await page.getByLabel('Mobilní telefon').fill('12 34')
	await page.getByRole('button', { name: 'Poslat potvrzovací kód' }).click()
	await expect(page.getByText('Zadejte platné telefonní číslo')).toBeVisible()
	await expect(page.getByLabel('Mobilní telefon')).toHaveAttribute('aria-invalid', 'true')
	await expectAccessible()

	await page.getByLabel('Mobilní telefon').fill(national.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3'))
	await page.getByRole('button', { name: 'Poslat potvrzovací kód' }).click()
	await expect(page.getByRole('status')).toHaveText('Kód jsme poslali. Zadejte ho níže.')
	let code = ''
	await expect
		.poll(
			async () => {
				const texts = (await (await page.request.get(`${SMS_SIMULATOR}/texts.json?cislo=${e164}`)).json()) as { message: string }[]
				code = /(\d{6})/.exec(texts.at(-1)?.message ?? '')?.[1] ?? ''
				return code
			},
			{ timeout: 20_000 },
		)
		.toMatch(/^\d{6}$/)
	await expectAccessible()

	const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
	await page.getByLabel('Kód z SMS').fill(wrong)
	await page.getByRole('button', { name: 'Potvrdit', exact: true }).click()
	await expect(page.getByText('Kód nesouhlasí. Zkontrolujte ho a zkuste to znovu.')).toBeVisible()
	await expect(page.getByText('Zatím nemáte potvrzené číslo pro SMS.')).toBeVisible()

	await page.getByLabel('Kód z SMS').fill(code)
	await page.getByRole('button', { name: 'Potvrdit', exact: true }).click()
	await expect(page.getByRole('status')).toHaveText('Číslo je potvrzené. SMS vám budeme posílat podle vašeho nastavení.')
	await expect(page.getByText(`Potvrzené číslo pro SMS: +420 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`)).toBeVisible()
	await expectAccessible()

	// The simulator's page shows the text as the phone received it (GSM-7, no diacritics).
	await visit(`${SMS_SIMULATOR}/?cislo=${e164}`)
	await expect(page.getByText(new RegExp(`Kod pro potvrzeni telefonu .*: ${code}`))).toBeVisible()
	await expectAccessible()
	await expectNoSideScroll(page)
})

test('an announcement of a topic he chose reaches his phone by SMS, and no other phone', async ({ page, visit, expectAccessible }) => {
	test.setTimeout(90_000)
	expect(confirmedPhone, 'the first test confirmed a number').not.toBe('')
	await holdNiaHandBack(page)
	await visit(urlOn('veseli', '/profil'))
	await pickAtNia(page, 'Josef Dvořák', expectAccessible)
	await expect(page).toHaveURL(/\/profil/, { timeout: 30_000 })
	await expectAccessible()
	await page.getByRole('checkbox', { name: 'Oznámení obce: SMS' }).check()
	await page.getByRole('checkbox', { name: 'Doprava a silniční hospodářství' }).check()
	await page.getByRole('button', { name: 'Uložit nastavení oznámení' }).click()
	await expect(page.getByText('Nastavení oznámení bylo uloženo.')).toBeVisible()
	await expectAccessible()

	const title = `Uzavirka ulice Masarykova ${Date.now()}`
	await page.context().clearCookies()
	await visit(urlOn('veseli', '/urad/zpravy/oznameni'))
	await signInStaff(page, 'doprava@veseli.example', expectAccessible)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oznámení obce')
	await expectAccessible()
	await page.getByLabel('Téma').selectOption('doprava')
	await page.getByLabel('Nadpis').fill(title)
	await page.getByLabel('Text oznámení').fill('Ulice Masarykova je v pondělí uzavřena.')
	await page.getByRole('button', { name: 'Odeslat oznámení' }).click()
	await expect(page.getByRole('status')).toHaveText('Oznámení se odesílá; průběh vidíte níže.')
	await expectAccessible()

	// Exactly one text with the title: to his number, transliterated (no diacritics).
	await expect
		.poll(
			async () => {
				const texts = (await (await page.request.get(`${SMS_SIMULATOR}/texts.json`)).json()) as { number?: string; phone?: string; message: string }[]
				return texts.filter((text) => text.message.includes(title)).map((text) => text.number ?? text.phone)
			},
			{ timeout: 45_000 },
		)
		.toEqual([confirmedPhone])
	await visit(`${SMS_SIMULATOR}/?cislo=${confirmedPhone}`)
	await expect(page.getByText('Ulice Masarykova je v pondeli uzavrena.')).toBeVisible()
	await expectAccessible()
})
