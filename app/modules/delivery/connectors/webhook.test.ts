import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRecordsSimulator, type RecordsSimulator } from '../../../../simulators/records'
import { DeliveryError } from '../connector'
import { samplePayload } from '../test-support/sample-payload'
import { createWebhookConnector } from './webhook.server'

let sim: RecordsSimulator
const town = { slug: 'veseli', webhookSecret: 'whsec-veseli-test', callbackSecret: 'cbsec-veseli-test', callbackUrl: 'http://127.0.0.1:9/api/records/status' }

beforeAll(async () => {
	sim = await startRecordsSimulator({ towns: [town] })
})
afterAll(() => sim.stop())

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	)
	expect(error).toBeInstanceOf(DeliveryError)
	return error as DeliveryError
}

describe('webhook connector -> records simulator', () => {
	it('files a submission with a verified signature and gets a reference number', async () => {
		const connector = createWebhookConnector({ url: sim.webhookUrl('veseli'), secret: town.webhookSecret })
		const payload = samplePayload()
		const result = await connector.deliver(payload)
		expect(result.referenceNumber).toMatch(/^MUVES \d+\/\d{4}$/)
		const doc = sim.received().find((d) => d.submissionId === payload.submissionId)!
		expect(doc.id).toBe(result.externalId)
		expect(doc.payload).toMatchObject({
			number: 'VES-2026-000123',
			form: { code: 'registrace-psa', version: 2 },
			data: { dogName: 'Rex' },
			applicant: { familyName: 'Nováková' },
		})
		const [attachment] = doc.payload.attachments as { fileName: string; sha256: string; contentBase64: string }[]
		expect(attachment!.fileName).toBe('rex.png')
		expect(createHash('sha256').update(Buffer.from(attachment!.contentBase64, 'base64')).digest('hex')).toBe(attachment!.sha256)
	})

	it('files the same submission once however often it is sent', async () => {
		const connector = createWebhookConnector({ url: sim.webhookUrl('veseli'), secret: town.webhookSecret })
		const payload = samplePayload()
		const first = await connector.deliver(payload)
		const second = await connector.deliver(payload)
		expect(second).toEqual(first)
		expect(sim.received().filter((d) => d.submissionId === payload.submissionId)).toHaveLength(1)
	})

	it('is refused, not retryable, when signed with the wrong secret', async () => {
		const connector = createWebhookConnector({ url: sim.webhookUrl('veseli'), secret: 'not-the-secret' })
		const payload = samplePayload()
		const error = await failure(connector.deliver(payload))
		expect(error.retryable).toBe(false)
		expect(error.message).toMatch(/401/)
		expect(sim.received().some((d) => d.submissionId === payload.submissionId)).toBe(false)
	})

	it('reports a retryable error while the system is down, then delivers once when it is back', async () => {
		const connector = createWebhookConnector({ url: sim.webhookUrl('veseli'), secret: town.webhookSecret })
		const payload = samplePayload()
		sim.setDown({ forRequests: 2 })
		for (let attempt = 0; attempt < 2; attempt++) {
			const error = await failure(connector.deliver(payload))
			expect(error.retryable).toBe(true)
			expect(error.message).toMatch(/503/)
		}
		await connector.deliver(payload)
		expect(sim.received().filter((d) => d.submissionId === payload.submissionId)).toHaveLength(1)
		expect(
			sim
				.attempts()
				.filter((a) => a.idempotencyKey === payload.submissionId)
				.map((a) => a.status),
		).toEqual([503, 503, 201])
	})

	it('treats an unreachable system and a slow one as retryable', async () => {
		const closed = createWebhookConnector({ url: 'http://127.0.0.1:9/webhook', secret: 's' })
		expect((await failure(closed.deliver(samplePayload()))).retryable).toBe(true)

		const slow = http.createServer(() => undefined)
		await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
		try {
			const connector = createWebhookConnector({ url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`, secret: 's', timeoutMs: 300 })
			const error = await failure(connector.deliver(samplePayload()))
			expect(error.retryable).toBe(true)
			expect(error.message).toMatch(/no answer within 300 ms/)
		} finally {
			slow.closeAllConnections()
			slow.close()
		}
	})

	it('retries 408 and 429 but not other 4xx', async () => {
		let status = 429
		const server = http.createServer((_req, res) => res.writeHead(status).end('{}'))
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
		const connector = createWebhookConnector({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, secret: 's' })
		try {
			for (const [code, retryable] of [
				[429, true],
				[408, true],
				[422, false],
				[400, false],
				[502, true],
				[302, false],
			] as const) {
				status = code
				expect((await failure(connector.deliver(samplePayload()))).retryable, `HTTP ${code}`).toBe(retryable)
			}
		} finally {
			server.closeAllConnections()
			server.close()
		}
	})
})
