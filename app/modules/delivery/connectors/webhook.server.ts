// Files a submission by POSTing signed JSON to the town's records system. The submission id travels
// as Idempotency-Key so the receiver files a retried delivery only once.
import { z } from 'zod'
import { DeliveryError, type AnswerPayload, type DeliveryPayload, type DocumentPayload, type DeliveryResult, type RecordsConnector } from '../connector'
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from '../signature.server'
import { buildAnswerWebhookBody, buildDocumentWebhookBody, buildWebhookBody } from '../webhook-body.server'

const AcceptedSchema = z.object({ externalId: z.string().min(1).max(200), referenceNumber: z.string().min(1).max(200).optional() })

export type WebhookConnectorOptions = { url: string; secret: string; timeoutMs?: number; now?: () => Date }

/** 408 and 429 ask the sender to try again later; every other 4xx means the request itself is wrong. */
function isRetryableStatus(status: number) {
	return status >= 500 || status === 408 || status === 429
}

export function createWebhookConnector({ url, secret, timeoutMs = 15_000, now = () => new Date() }: WebhookConnectorOptions): RecordsConnector {
	// Every kind of POST (a submission, an answer, a filed conversation) go to the same URL, told apart by the body's `kind`.
	async function post(body: string, idempotencyKey: string): Promise<DeliveryResult> {
		const timestamp = String(Math.floor(now().getTime() / 1000))
		let response: Response
		try {
			response = await fetch(url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					Accept: 'application/json',
					[TIMESTAMP_HEADER]: timestamp,
					[SIGNATURE_HEADER]: signBody(secret, timestamp, body),
					[IDEMPOTENCY_HEADER]: idempotencyKey,
				},
				body,
				// A redirect would resend citizens' data somewhere the blueprint does not name.
				redirect: 'manual',
				signal: AbortSignal.timeout(timeoutMs),
			})
		} catch (error) {
			const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : String((error as Error)?.cause ?? error)
			throw new DeliveryError(`Records system at ${url} unreachable: ${reason}`, true)
		}
		const text = await response.text().catch(() => '')
		if (!response.ok) {
			throw new DeliveryError(`Records system answered ${response.status}: ${text.slice(0, 300)}`, isRetryableStatus(response.status))
		}
		let parsed: ReturnType<typeof AcceptedSchema.safeParse>
		try {
			parsed = AcceptedSchema.safeParse(JSON.parse(text))
		} catch {
			parsed = AcceptedSchema.safeParse(undefined)
		}
		// A 2xx we cannot read may still have filed the document; retrying is safe thanks to the idempotency key.
		if (!parsed.success) throw new DeliveryError(`Records system answered ${response.status} without { externalId }: ${text.slice(0, 300)}`, true)
		return parsed.data
	}
	return {
		kind: 'webhook',
		deliver: (payload: DeliveryPayload) => post(JSON.stringify(buildWebhookBody(payload)), payload.submissionId),
		deliverAnswer: (payload: AnswerPayload) => post(JSON.stringify(buildAnswerWebhookBody(payload)), payload.answerId),
		fileDocument: (payload: DocumentPayload) => post(JSON.stringify(buildDocumentWebhookBody(payload)), payload.documentId),
	}
}
