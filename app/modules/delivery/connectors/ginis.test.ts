import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGinisStub, type GinisStub } from '../../../../simulators/records/ginis'
import { DeliveryError } from '../connector'
import { sampleDocumentPayload, samplePayload } from '../test-support/sample-payload'
import { createGinisConnector } from './ginis.server'

let stub: GinisStub
beforeAll(async () => {
	stub = await startGinisStub({ username: 'portal', password: 'ginis-heslo' })
	stub.functions.set('FUN042', { referent: 'Mgr. Karel Dvořák', orj: 'Odbor dopravy' })
})
afterAll(() => stub.stop())

const connector = () => createGinisConnector({ urls: stub.urls, username: 'portal', password: 'ginis-heslo', documentTypeId: 'TD-PODANI' })

describe('GINIS connector -> GINIS stub (through @bratislava/ginis-sdk)', () => {
	it('registers the document once, attaches the PDF and files, and polls status and clerk', async () => {
		const payload = samplePayload()
		const result = await connector().deliver(payload)
		expect(result.referenceNumber).toMatch(/^MAGZ \d+\/\d{4}$/)
		const again = await connector().deliver(payload)
		expect(again.externalId).toBe(result.externalId)
		const docs = stub.documents().filter((d) => d.externalId === payload.submissionId)
		expect(docs).toHaveLength(1)
		expect(docs[0]!.files.slice(0, 2).map((f) => [f.name, f.bond])).toEqual([
			['VES-2026-000123.pdf', 'elektronicky-obraz'],
			['rex.png', 'elektronicka-priloha'],
		])

		const delivered = { submissionId: payload.submissionId, externalId: result.externalId }
		expect((await connector().poll!(delivered))[0]).toMatchObject({ status: 'delivered', referenceNumber: result.referenceNumber })

		stub.setDocument(result.externalId, { ownerFunctionId: 'FUN042' })
		const [assigned] = await connector().poll!(delivered)
		expect(assigned).toMatchObject({ status: 'assigned', assignee: { name: 'Mgr. Karel Dvořák', department: 'Odbor dopravy' } })
		// The same state polled again is the same event, so the caller's dedupe drops it.
		expect((await connector().poll!(delivered))[0]!.eventId).toBe(assigned!.eventId)

		stub.setDocument(result.externalId, { state: 'vyrizen' })
		const [resolved] = await connector().poll!(delivered)
		expect(resolved!.status).toBe('resolved')
		expect(resolved!.eventId).not.toBe(assigned!.eventId)
	})

	it('files a conversation as a document of its own, once, with the text as its main file', async () => {
		const payload = sampleDocumentPayload()
		const result = await connector().fileDocument(payload)
		expect(result.referenceNumber).toMatch(/^MAGZ \d+\/\d{4}$/)
		expect((await connector().fileDocument(payload)).externalId).toBe(result.externalId)
		const docs = stub.documents().filter((d) => d.externalId === payload.documentId)
		expect(docs).toHaveLength(1)
		expect(docs[0]!.vec).toBe('Kontejner u zastávky')
		expect(docs[0]!.files.slice(0, 2).map((f) => [f.name, f.bond])).toEqual([
			[`${payload.documentId}.txt`, 'elektronicky-obraz'],
			['rex.png', 'elektronicka-priloha'],
		])
	})

	it('adds a needs-info answer to the filed document: the text as a file, then the citizen’s files', async () => {
		const payload = samplePayload()
		const result = await connector().deliver(payload)
		const answer = {
			answerId: 'answer-7',
			submissionId: payload.submissionId,
			number: payload.number,
			town: payload.town,
			externalId: result.externalId,
			referenceNumber: null,
			answeredAt: new Date(),
			message: 'Doplňuji.',
			attachments: payload.attachments,
		}
		expect((await connector().deliverAnswer(answer)).externalId).toBe(result.externalId)
		const doc = stub.documents().find((d) => d.externalId === payload.submissionId)!
		expect(doc.files.slice(-2).map((f) => [f.name, f.bond])).toEqual([
			['answer-7.txt', 'elektronicka-priloha'],
			['rex.png', 'elektronicka-priloha'],
		])
	})

	it('ignores a state it does not know instead of guessing', async () => {
		const payload = samplePayload()
		const result = await connector().deliver(payload)
		stub.setDocument(result.externalId, { state: 'neznamy-stav' })
		expect(await connector().poll!({ submissionId: payload.submissionId, externalId: result.externalId })).toEqual([])
	})

	it('wrong credentials are not retryable, an unreachable GINIS is', async () => {
		const wrong = createGinisConnector({ urls: stub.urls, username: 'portal', password: 'spatne', documentTypeId: 'TD-PODANI' })
		const refused = await wrong.deliver(samplePayload()).catch((e: unknown) => e)
		expect(refused).toBeInstanceOf(DeliveryError)
		expect((refused as DeliveryError).retryable).toBe(false)
		const down = createGinisConnector({
			urls: { ssl: 'http://127.0.0.1:9/ssl', gin: 'http://127.0.0.1:9/gin' },
			username: 'u',
			password: 'p',
			documentTypeId: 'T',
		})
		const unreachable = await down.deliver(samplePayload()).catch((e: unknown) => e)
		expect((unreachable as DeliveryError).retryable).toBe(true)
	})
})
