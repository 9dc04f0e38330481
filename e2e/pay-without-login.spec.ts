// Paying without login (issue 16): someone holding a payment slip from Veselí types its variable symbol
// and amount at /zaplatit and gets only what is needed to pay; a wrong amount and an unknown VS get the
// same answer; a sixth wrong amount for one VS waits (429).
import pg from 'pg'
import { tenantSchemaName } from '../app/modules/db/schema-name'
import { expect, test } from './fixtures'
import { urlOn } from './urls'

// The database e2e/start-server.ts gives the demo server.
const databaseUrl = new URL(process.env.DATABASE_URL_TEST ?? 'postgresql://postgres@127.0.0.1:5432/test')
databaseUrl.pathname = `/${process.env.E2E_DATABASE ?? 'portal_e2e'}`
const schema = tenantSchemaName('veseli-nad-moravou')

async function query<Row>(text: string, params: unknown[] = []) {
	const client = new pg.Client({ connectionString: databaseUrl.toString() })
	await client.connect()
	try {
		return (await client.query(text, params)).rows as Row[]
	} finally {
		await client.end()
	}
}

type Slip = { vs: string; amount: number; given: string; family: string }
/** A slip nobody has paid or started paying (other specs pay some of the demo claims): next year's waste fee. */
async function unpaidWasteSlip(skip = 0): Promise<Slip> {
	const rows = await query<Slip>(
		`SELECT c.variable_symbol AS vs, c.amount, r.given_name AS given, r.family_name AS family FROM ${schema}.claim c JOIN ${schema}.resident r ON r.id = c.resident_id
		 WHERE c.fee_type = 'waste' AND c.status = 'open' AND c.paid_amount = 0 AND c.discount_amount > 0 AND NOT EXISTS (SELECT 1 FROM ${schema}.payment_item i WHERE i.claim_id = c.id)
		 ORDER BY c.due_date DESC, c.variable_symbol OFFSET $1 LIMIT 1`,
		[skip],
	)
	if (!rows[0]) throw new Error('no unpaid waste claim with a discount in the demo town')
	return rows[0]
}

/** The form posts by fetch; Chromium logs its 400 and 429 answers as console errors. */
const ACTION_URL = urlOn('veseli', '/zaplatit.data?index')

const czk = (haler: number) => `${Math.floor(haler / 100)},${String(haler % 100).padStart(2, '0')}`

test.describe('Zaplatit bez přihlášení', () => {
	test.beforeEach(async () => {
		// Every lookup here comes from 127.0.0.1: start each test with the limits empty.
		await query(`DELETE FROM ${schema}.rate_limit WHERE key LIKE 'slip_lookup%'`)
	})

	test('the right pair shows the fee, the full amount with the login-only discount said plainly, the account, VS and QR code, and no name; the page survives a reload', async ({
		page,
		visit,
		expectAccessible,
	}) => {
		const slip = await unpaidWasteSlip()
		await visit(urlOn('veseli', '/'))
		await page.getByRole('link', { name: 'Zaplatit bez přihlášení' }).click()
		await expect(page.getByRole('heading', { level: 1, name: 'Zaplatit bez přihlášení' })).toBeVisible()
		await expectAccessible()
		await page.getByLabel('Variabilní symbol').fill(slip.vs)
		await page.getByLabel('Částka v Kč').fill(czk(slip.amount).replace(/^(\d)(\d{3})/, '$1 $2'))
		await page.getByRole('button', { name: 'Najít platbu' }).click()
		await expect(page).toHaveURL(/\/zaplatit\/[\w-]+\.[\w-]+$/)
		await expect(page.getByRole('heading', { level: 1, name: 'Platba podle složenky' })).toBeVisible()
		await expectAccessible()
		await expect(page.getByTestId('slip-fee')).toContainText('odpadového hospodářství')
		await expect(page.getByTestId('slip-amount')).toHaveText(new RegExp(`${czk(slip.amount).replace(/^(\d)(\d{3})/, '$1\\s?$2')}\\s*Kč`))
		await expect(page.getByTestId('slip-vs')).toHaveText(slip.vs)
		await expect(page.getByTestId('slip-iban')).toHaveText('CZ14 0100 0000 0000 1933 0659')
		await expect(page.getByTestId('qr-image').locator('svg')).toBeVisible()
		await expect(page.getByTestId('slip-discount')).toContainText('Sleva 20 % za elektronickou platbu platí jen při platbě přes portál po přihlášení')
		await expect(page.getByTestId('slip-discount').getByRole('link', { name: 'Přihlásit se a zaplatit se slevou' })).toBeVisible()
		const text = (await page.locator('main').textContent()) ?? ''
		expect(text).not.toContain(slip.family)
		expect(text).not.toContain(slip.given)
		await page.reload()
		await expect(page.getByTestId('slip-vs')).toHaveText(slip.vs)
		await expectAccessible()
	})

	test('a wrong amount and an unknown VS get the same answer and nothing else', async ({ page, visit, watch }) => {
		watch.expectedErrorUrls.add(ACTION_URL)
		const slip = await unpaidWasteSlip()
		await visit(urlOn('veseli', '/zaplatit'))
		await page.getByLabel('Variabilní symbol').fill(slip.vs)
		await page.getByLabel('Částka v Kč').fill('1')
		await page.getByRole('button', { name: 'Najít platbu' }).click()
		await expect(page.getByTestId('slip-not-found')).toBeVisible()
		const wrongAmount = await page.locator('main').textContent()
		await visit(urlOn('veseli', '/zaplatit'))
		await page.getByLabel('Variabilní symbol').fill('9999999999')
		await page.getByLabel('Částka v Kč').fill(czk(slip.amount))
		await page.getByRole('button', { name: 'Najít platbu' }).click()
		await expect(page.getByTestId('slip-not-found')).toBeVisible()
		expect(await page.locator('main').textContent()).toBe(wrongAmount)
		// No result link: the answer stays on the form.
		await expect(page).toHaveURL(/\/zaplatit(\?index)?$/)
		// A bad VS is a field error in Czech, nothing is looked up.
		await page.getByLabel('Variabilní symbol').fill('12ab')
		await page.getByRole('button', { name: 'Najít platbu' }).click()
		await expect(page.getByText('Variabilní symbol jsou jen číslice, nejvýše 10.')).toBeVisible()
	})

	test('five wrong amounts for one VS, then even the right one waits: the 429 page in Czech', async ({ page, visit, expectAccessible, watch }) => {
		watch.expectedErrorUrls.add(ACTION_URL)
		const slip = await unpaidWasteSlip(1)
		await visit(urlOn('veseli', '/zaplatit'))
		for (let attempt = 1; attempt <= 5; attempt++) {
			await page.getByLabel('Variabilní symbol').fill(slip.vs)
			await page.getByLabel('Částka v Kč').fill(String(attempt))
			await page.getByRole('button', { name: 'Najít platbu' }).click()
			await expect(page.getByTestId('slip-not-found')).toBeVisible()
		}
		await page.getByLabel('Variabilní symbol').fill(slip.vs)
		await page.getByLabel('Částka v Kč').fill(czk(slip.amount))
		const answer = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/zaplatit'))
		await page.getByRole('button', { name: 'Najít platbu' }).click()
		expect((await answer).status()).toBe(429)
		await expect(page.getByTestId('slip-rate-limited')).toContainText('Příliš mnoho pokusů')
		await expect(page.getByTestId('slip-rate-limited')).toContainText(/Zkuste to znovu v \d{1,2}:\d{2}/)
		await expectAccessible()
	})
})
