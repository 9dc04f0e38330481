import type { Page } from '@playwright/test'
import { generate } from 'otplib'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_VENDOR } from '../app/modules/staff/demo-staff'
import { expect } from './fixtures'

/** Signs a demo staff member in at a town office (password, then the TOTP step), from wherever the page is. */
export async function signInStaff(page: Page, email: string, expectAccessible: () => Promise<void>) {
	await page.getByLabel('E-mail').fill(email)
	await page.getByLabel('Heslo', { exact: true }).fill(DEMO_PASSWORD)
	await page.getByRole('button', { name: 'Přihlásit se' }).click()
	await expect(page).toHaveURL(/\/urad\/overeni/)
	await expectAccessible()
	await page.getByLabel('Ověřovací kód').fill(await generate({ secret: DEMO_TOTP_SECRET }))
	await page.getByRole('button', { name: 'Ověřit' }).click()
}

/** Signs the demo vendor in from the platform host's sign-in page (opened with visit(), so checked): password, then the TOTP step. */
export async function signInVendor(page: Page, expectAccessible: () => Promise<void>) {
	await expect(page).toHaveURL(/\/platform\/prihlaseni/)
	await page.getByLabel('E-mail').fill(DEMO_VENDOR.email)
	await page.getByLabel('Heslo', { exact: true }).fill(DEMO_PASSWORD)
	await page.getByRole('button', { name: 'Přihlásit se' }).click()
	await expect(page).toHaveURL(/\/platform\/overeni/)
	await expectAccessible()
	await page.getByLabel('Ověřovací kód').fill(await generate({ secret: DEMO_TOTP_SECRET }))
	await page.getByRole('button', { name: 'Ověřit' }).click()
}
