import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebhookConnector } from '../../app/modules/delivery/connectors/webhook.server'
import { samplePayload } from '../../app/modules/delivery/test-support/sample-payload'
import { startRecordsSimulator, type RecordsSimulator } from './index'

let sim: RecordsSimulator
let portal: http.Server
const callbacks: { body: string; signature: string }[] = []

beforeAll(async () => {
	portal = http.createServer(async (req, res) => {
		const chunks: Buffer[] = []
		for await (const chunk of req) chunks.push(chunk as Buffer)
		callbacks.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['x-portal-signature']) })
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"applied":true}')
	})
	await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve))
	const callbackUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/api/records/status`
	sim = await startRecordsSimulator({
		towns: [
			{ slug: 'veseli', webhookSecret: 'a', callbackSecret: 'b', callbackUrl },
			{ slug: 'znojmo', webhookSecret: 'c', callbackSecret: 'd', callbackUrl },
		],
	})
})
afterAll(async () => {
	await sim.stop()
	portal.closeAllConnections()
	portal.close()
})

describe('records simulator over HTTP', () => {
	it('numbers each town separately and lists documents on an HTML page in Czech and English', async () => {
		const v = await createWebhookConnector({ url: sim.webhookUrl('veseli'), secret: 'a' }).deliver(samplePayload())
		const z = await createWebhookConnector({ url: sim.webhookUrl('znojmo'), secret: 'c' }).deliver(samplePayload({ number: 'ZNO-2026-000001' }))
		expect(v.referenceNumber).toMatch(/^MUVES /)
		expect(z.referenceNumber).toMatch(/^MUZNO /)
		const cs = await fetch(`${sim.url}/`)
		expect(cs.headers.get('content-security-policy')).toContain("default-src 'none'")
		const csHtml = await cs.text()
		expect(csHtml).toContain('<html lang="cs">')
		expect(csHtml).toContain('Přijaté dokumenty')
		expect(csHtml).toContain(v.referenceNumber)
		expect(csHtml).toContain('ZNO-2026-000001')
		expect(await (await fetch(`${sim.url}/?lang=en`)).text()).toContain('Received documents')
	})

	it('refuses a webhook with a valid signature of another town', async () => {
		const response = await createWebhookConnector({ url: sim.webhookUrl('znojmo'), secret: 'a' })
			.deliver(samplePayload())
			.catch((e: Error) => e)
		expect(String(response)).toMatch(/401/)
	})

	it('posts a signed status update from the HTML form and shows the portal answer', async () => {
		const payload = samplePayload()
		const { externalId } = await createWebhookConnector({ url: sim.webhookUrl('veseli'), secret: 'a' }).deliver(payload)
		const form = new URLSearchParams({ status: 'assigned', assigneeName: 'Jan Novák', department: 'Odbor životního prostředí', message: '' })
		const response = await fetch(`${sim.url}/documents/${externalId}/status`, { method: 'POST', body: form, redirect: 'manual' })
		expect(response.status).toBe(303)
		const body = JSON.parse(callbacks.at(-1)!.body)
		expect(body).toMatchObject({
			submissionId: payload.submissionId,
			status: 'assigned',
			assignee: { name: 'Jan Novák', department: 'Odbor životního prostředí' },
		})
		expect(callbacks.at(-1)!.signature).toMatch(/^sha256=[0-9a-f]{64}$/)
		const page = await (await fetch(`${sim.url}${response.headers.get('location')}`)).text()
		expect(page).toContain('přiděleno')
		expect(page).toContain('Jan Novák')
		expect(page).toContain('{&quot;applied&quot;:true}')
	})

	it('refuses an "assigned" update without a clerk and an unknown status', async () => {
		const { externalId } = await createWebhookConnector({ url: sim.webhookUrl('veseli'), secret: 'a' }).deliver(samplePayload())
		const before = callbacks.length
		expect((await fetch(`${sim.url}/api/documents/${externalId}/status`, { method: 'POST', body: JSON.stringify({ status: 'assigned' }) })).status).toBe(400)
		expect((await fetch(`${sim.url}/api/documents/${externalId}/status`, { method: 'POST', body: JSON.stringify({ status: 'lost' }) })).status).toBe(400)
		expect(callbacks.length).toBe(before)
		const ok = await fetch(`${sim.url}/api/documents/${externalId}/status`, {
			method: 'POST',
			body: JSON.stringify({ status: 'resolved', message: 'Pes přihlášen.' }),
		})
		expect(await ok.json()).toMatchObject({ responseStatus: 200 })
	})

	it('goes down and up through the control API', async () => {
		await fetch(`${sim.url}/api/down`, { method: 'POST', body: JSON.stringify({ down: true }) })
		const connector = createWebhookConnector({ url: sim.webhookUrl('veseli'), secret: 'a' })
		expect(String(await connector.deliver(samplePayload()).catch((e: Error) => e))).toMatch(/503/)
		expect(await (await fetch(`${sim.url}/`)).text()).toContain('Systém je vypnutý')
		await fetch(`${sim.url}/api/down`, { method: 'POST', body: JSON.stringify({ down: false }) })
		expect((await connector.deliver(samplePayload())).externalId).toBeTruthy()
	})

	it('pages the list, newest first, 50 a page', async () => {
		const connector = createWebhookConnector({ url: sim.webhookUrl('znojmo'), secret: 'c' })
		for (let i = 0; i < 50; i++) await connector.deliver(samplePayload({ number: `ZNO-2026-${String(100 + i).padStart(6, '0')}` }))
		const first = await (await fetch(`${sim.url}/`)).text()
		expect(first).toContain('ZNO-2026-000149')
		expect(first).toContain('rel="next"')
		const second = await (await fetch(`${sim.url}/?page=2`)).text()
		expect(second).toContain('Strana 2 / 2')
		expect(second).not.toContain('ZNO-2026-000149')
	})
})
