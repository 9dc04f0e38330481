// Checks a status callback from the town's records system (POST /api/records/status) and turns it
// into a StatusUpdate. Deduplication by eventId is the caller's job (it needs the database).
import { z } from 'zod'
import { RECORDS_STATUSES, type StatusUpdate } from './connector'
import { signatureMatches } from './signature.server'

export const CALLBACK_TOLERANCE_SECONDS = 5 * 60

export const StatusCallbackSchema = z
	.object({
		eventId: z.string().min(1).max(200),
		submissionId: z.uuid(),
		status: z.enum(RECORDS_STATUSES),
		referenceNumber: z.string().min(1).max(200).optional(),
		assignee: z.object({ name: z.string().min(1).max(200), department: z.string().min(1).max(200).optional() }).optional(),
		message: z.string().max(5000).optional(),
		at: z.iso.datetime({ offset: true }),
	})
	.refine((body) => body.status !== 'assigned' || body.assignee, { message: 'an "assigned" update names the assignee', path: ['assignee'] })

export type CallbackRejection = 'missing_headers' | 'stale' | 'bad_signature' | 'malformed' | 'duplicate'

export class StatusCallbackError extends Error {
	constructor(
		readonly reason: CallbackRejection,
		message: string,
	) {
		super(message)
		this.name = 'StatusCallbackError'
	}
}

export type StatusCallbackRequest = { timestamp: string | null; signature: string | null; body: string }

export type VerifyOptions = {
	now?: Date
	/** Event ids already applied; the database route relies on a unique key instead, which is race-free. */
	seenEventIds?: { has(eventId: string): boolean }
}

export function verifyStatusCallback(
	request: StatusCallbackRequest,
	callbackSecret: string,
	{ now = new Date(), seenEventIds }: VerifyOptions = {},
): StatusUpdate {
	const { timestamp, signature, body } = request
	if (!timestamp || !signature) throw new StatusCallbackError('missing_headers', 'X-Portal-Timestamp and X-Portal-Signature are required')
	if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > CALLBACK_TOLERANCE_SECONDS) {
		throw new StatusCallbackError('stale', `X-Portal-Timestamp must be unix seconds within ${CALLBACK_TOLERANCE_SECONDS} s of now`)
	}
	if (!signatureMatches(callbackSecret, timestamp, body, signature)) throw new StatusCallbackError('bad_signature', 'X-Portal-Signature does not match')
	let json: unknown
	try {
		json = JSON.parse(body)
	} catch {
		throw new StatusCallbackError('malformed', 'the body is not JSON')
	}
	const parsed = StatusCallbackSchema.safeParse(json)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]
		throw new StatusCallbackError('malformed', `${issue?.path.join('.') || 'body'}: ${issue?.message}`)
	}
	if (seenEventIds?.has(parsed.data.eventId)) throw new StatusCallbackError('duplicate', `event ${parsed.data.eventId} was already applied`)
	const { at, ...rest } = parsed.data
	return { ...rest, at: new Date(at) }
}
