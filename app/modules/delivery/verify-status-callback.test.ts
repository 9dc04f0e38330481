import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRecordsSimulator, type RecordsSimulator, type SentCallback } from '../../../simulators/records'
import { createWebhookConnector } from './connectors/webhook.server'
import { signBody } from './signature.server'
import { samplePayload } from './test-support/sample-payload'
import { StatusCallbackError, verifyStatusCallback, type StatusCallbackRequest } from './verify-status-callback.server'

const CALLBACK_SECRET = 'cbsec-veseli-test'
let sim: RecordsSimulator
let portal: http.Server
const arrived: StatusCallbackRequest[] = []

beforeAll(async () => {
	// Stands in for the portal's /api/records/status: keeps what arrives, as received on the wire.
	portal = http.createServer(async (req, res) => {
		const chunks: Buffer[] = []
		for await (const chunk of req) chunks.push(chunk as Buffer)
		arrived.push({
			timestamp: String(req.headers['x-portal-timestamp'] ?? '') || null,
			signature: String(req.headers['x-portal-signature'] ?? '') || null,
			body: Buffer.concat(chunks).toString('utf8'),
		})
		res.writeHead(204).end()
	})
	await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve))
	const callbackUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/api/records/status`
	sim = await startRecordsSimulator({ towns: [{ slug: 'veseli', webhookSecret: 'whsec', callbackSecret: CALLBACK_SECRET, callbackUrl }] })
})
afterAll(async () => {
	await sim.stop()
	portal.closeAllConnections()
	portal.close()
})

async function filedSubmission() {
	const payload = samplePayload()
	const result = await createWebhookConnector({ url: sim.webhookUrl('veseli'), secret: 'whsec' }).deliver(payload)
	return { payload, result }
}

function rejection(fn: () => unknown) {
	try {
		fn()
	} catch (error) {
		expect(error).toBeInstanceOf(StatusCallbackError)
		return (error as StatusCallbackError).reason
	}
	throw new Error('expected the callback to be refused')
}

const asRequest = (sent: SentCallback): StatusCallbackRequest => ({
	timestamp: sent.headers['X-Portal-Timestamp']!,
	signature: sent.headers['X-Portal-Signature']!,
	body: sent.body,
})

describe('status callbacks from the records simulator', () => {
	it('verifies a callback signed by the simulator and reads the assignee', async () => {
		const { payload, result } = await filedSubmission()
		const sent = await sim.sendStatus(result.externalId, { status: 'assigned', assignee: { name: 'Ing. Petra Malá', department: 'Odbor finanční' } })
		expect(sent.responseStatus).toBe(204)
		const update = verifyStatusCallback(arrived.at(-1)!, CALLBACK_SECRET)
		expect(update).toMatchObject({
			eventId: sent.eventId,
			submissionId: payload.submissionId,
			status: 'assigned',
			referenceNumber: result.referenceNumber,
			assignee: { name: 'Ing. Petra Malá', department: 'Odbor finanční' },
		})
		expect(update.at).toBeInstanceOf(Date)
	})

	it('carries the message of needs_info and resolved', async () => {
		const { result } = await filedSubmission()
		await sim.sendStatus(result.externalId, { status: 'needs_info', message: 'Doložte prosím očkovací průkaz.' })
		expect(verifyStatusCallback(arrived.at(-1)!, CALLBACK_SECRET)).toMatchObject({ status: 'needs_info', message: 'Doložte prosím očkovací průkaz.' })
	})

	it('refuses a callback signed with another secret or with a changed body', async () => {
		const { result } = await filedSubmission()
		const sent = await sim.sendStatus(result.externalId, { status: 'resolved' })
		expect(rejection(() => verifyStatusCallback(asRequest(sent), 'another-towns-secret'))).toBe('bad_signature')
		const tampered = { ...asRequest(sent), body: sent.body.replace('"resolved"', '"rejected"') }
		expect(rejection(() => verifyStatusCallback(tampered, CALLBACK_SECRET))).toBe('bad_signature')
		const forgedSignature = { ...asRequest(sent), signature: `sha256=${'0'.repeat(64)}` }
		expect(rejection(() => verifyStatusCallback(forgedSignature, CALLBACK_SECRET))).toBe('bad_signature')
	})

	it('refuses a replay older than five minutes and a timestamp from the future', async () => {
		const { result } = await filedSubmission()
		const sent = await sim.sendStatus(result.externalId, { status: 'in_progress' })
		const sixMinutesLater = new Date(Date.now() + 6 * 60_000)
		expect(rejection(() => verifyStatusCallback(asRequest(sent), CALLBACK_SECRET, { now: sixMinutesLater }))).toBe('stale')
		expect(rejection(() => verifyStatusCallback(asRequest(sent), CALLBACK_SECRET, { now: new Date(Date.now() - 6 * 60_000) }))).toBe('stale')
		expect(verifyStatusCallback(asRequest(sent), CALLBACK_SECRET, { now: new Date(Date.now() + 4 * 60_000) }).status).toBe('in_progress')
	})

	it('refuses a second delivery of the same event id', async () => {
		const { result } = await filedSubmission()
		const sent = await sim.sendStatus(result.externalId, { status: 'resolved' })
		const again = await sim.sendStatus(result.externalId, { status: 'resolved', eventId: sent.eventId })
		const seen = new Set<string>()
		seen.add(verifyStatusCallback(asRequest(sent), CALLBACK_SECRET, { seenEventIds: seen }).eventId)
		expect(rejection(() => verifyStatusCallback(asRequest(again), CALLBACK_SECRET, { seenEventIds: seen }))).toBe('duplicate')
	})

	it('refuses missing headers and correctly signed bodies that are not a status update', () => {
		const timestamp = String(Math.floor(Date.now() / 1000))
		const signed = (body: string) => ({ timestamp, signature: signBody(CALLBACK_SECRET, timestamp, body), body })
		expect(rejection(() => verifyStatusCallback({ timestamp: null, signature: null, body: '{}' }, CALLBACK_SECRET))).toBe('missing_headers')
		expect(rejection(() => verifyStatusCallback(signed('not json'), CALLBACK_SECRET))).toBe('malformed')
		const base = { eventId: 'e1', submissionId: '6f1c1a52-3c1b-4a55-9d49-0b8f0e1b2c3d', at: new Date().toISOString() }
		expect(rejection(() => verifyStatusCallback(signed(JSON.stringify({ ...base, status: 'lost' })), CALLBACK_SECRET))).toBe('malformed')
		expect(rejection(() => verifyStatusCallback(signed(JSON.stringify({ ...base, status: 'assigned' })), CALLBACK_SECRET))).toBe('malformed')
		expect(rejection(() => verifyStatusCallback(signed(JSON.stringify({ ...base, submissionId: 'x', status: 'resolved' })), CALLBACK_SECRET))).toBe('malformed')
	})
})
