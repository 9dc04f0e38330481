// What the simulated records system remembers: towns, filed documents, callbacks sent, the down switch.
import { randomUUID } from 'node:crypto'
import { postCallback } from './post-callback'
import { sign } from './signature'
import type { ReceivedAnswer, ReceivedDocument, RecordsTown, SentCallback, StatusUpdateInput } from './types'

export type RecordsState = ReturnType<typeof createRecordsState>

export function createRecordsState(towns: RecordsTown[]) {
	const townMap = new Map(towns.map((town) => [town.slug, town]))
	const documents: ReceivedDocument[] = []
	const bySubmission = new Map<string, ReceivedDocument>()
	const attempts: { at: Date; town: string; idempotencyKey: string | null; status: number }[] = []
	const counters = new Map<string, number>()
	let down: boolean | number = false

	function prefix(town: RecordsTown) {
		return (
			town.referencePrefix ??
			`MU${town.slug
				.replace(/[^a-z]/g, '')
				.slice(0, 3)
				.toUpperCase()}`
		)
	}

	return {
		towns: townMap,
		documents,
		attempts,
		/** Consumes one "down" request when counting; true means answer 503. */
		takeDown(): boolean {
			if (down === true) return true
			if (typeof down === 'number' && down > 0) {
				down -= 1
				if (down === 0) down = false
				return true
			}
			return false
		},
		setDown(value: boolean | { forRequests: number }) {
			down = typeof value === 'boolean' ? value : value.forRequests > 0 ? value.forRequests : false
		},
		isDown: () => down !== false,
		/** Files the document once per (town, submission); a repeat returns the first one. */
		file(town: RecordsTown, submissionId: string, payload: ReceivedDocument['payload']): { document: ReceivedDocument; duplicate: boolean } {
			const key = `${town.slug}:${submissionId}`
			const existing = bySubmission.get(key)
			if (existing) {
				existing.duplicates += 1
				return { document: existing, duplicate: true }
			}
			const year = new Date().getFullYear()
			const next = (counters.get(town.slug) ?? 1233) + 1
			counters.set(town.slug, next)
			const document: ReceivedDocument = {
				id: randomUUID(),
				town: town.slug,
				submissionId,
				referenceNumber: `${prefix(town)} ${next}/${year}`,
				receivedAt: new Date(),
				duplicates: 0,
				payload,
				status: 'delivered',
				callbacks: [],
				answers: [],
			}
			documents.push(document)
			bySubmission.set(key, document)
			return { document, duplicate: false }
		},
		/** Files a citizen's answer to the town's document of that submission once per answerId; null if there is no such document. */
		fileAnswer(
			town: RecordsTown,
			submissionId: string,
			answerId: string,
			payload: ReceivedAnswer['payload'],
		): { answer: ReceivedAnswer; duplicate: boolean } | null {
			const document = bySubmission.get(`${town.slug}:${submissionId}`)
			if (!document) return null
			const existing = document.answers.find((answer) => answer.answerId === answerId)
			if (existing) {
				existing.duplicates += 1
				return { answer: existing, duplicate: true }
			}
			const answer: ReceivedAnswer = { answerId, receivedAt: new Date(), duplicates: 0, payload }
			document.answers.push(answer)
			return { answer, duplicate: false }
		},
		find(id: string) {
			return documents.find((doc) => doc.id === id || doc.submissionId === id)
		},
		/** Signs and POSTs a status update to the town's callback URL and records what the portal answered. */
		async sendStatus(document: ReceivedDocument, update: StatusUpdateInput): Promise<SentCallback> {
			const town = townMap.get(document.town)
			if (!town) throw new Error(`unknown town ${document.town}`)
			const eventId = update.eventId ?? randomUUID()
			const body = JSON.stringify({
				eventId,
				submissionId: document.submissionId,
				status: update.status,
				referenceNumber: document.referenceNumber,
				...(update.assignee ? { assignee: update.assignee } : {}),
				...(update.message ? { message: update.message } : {}),
				at: new Date().toISOString(),
			})
			const timestamp = String(Math.floor(Date.now() / 1000))
			const headers = { 'Content-Type': 'application/json', 'X-Portal-Timestamp': timestamp, 'X-Portal-Signature': sign(town.callbackSecret, timestamp, body) }
			let responseStatus: number | null = null
			let responseBody = ''
			try {
				const response = await postCallback(town.callbackUrl, headers, body, town.callbackHost)
				responseStatus = response.status
				responseBody = response.body.slice(0, 2000)
			} catch (error) {
				responseBody = String((error as Error)?.cause ?? error)
			}
			const sent: SentCallback = { eventId, url: town.callbackUrl, headers, body, responseStatus, responseBody, sentAt: new Date() }
			document.callbacks.push(sent)
			if (responseStatus !== null && responseStatus < 300) {
				document.status = update.status
				if (update.assignee) document.assignee = update.assignee
			}
			return sent
		},
	}
}
