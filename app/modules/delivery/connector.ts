// The contract between submissions (forms) and the town's records system (spisová služba).
// A connector files one submission and, where the system allows, reports its status back:
// by a signed callback (webhook connector) or by polling (GINIS). The outbox worker calls
// `deliver` with the submission id as the idempotency key, so a retry never files it twice.

/** Lifecycle states the records system can report (the portal adds `submitted` and `failed` itself). */
export const RECORDS_STATUSES = ['delivered', 'assigned', 'in_progress', 'needs_info', 'resolved', 'rejected'] as const
export type RecordsStatus = (typeof RECORDS_STATUSES)[number]

export type DeliveryAttachment = {
	id: string
	fileName: string
	contentType: string
	size: number
	sha256: string
	content: Buffer
}

export type DeliveryPayload = {
	/** Idempotency key: the submission's id (uuid). */
	submissionId: string
	/** Human submission number shown to the citizen, e.g. "VES-2026-000123". */
	number: string
	town: { slug: string; name: string }
	form: { code: string; version: number; title: string; agenda: string }
	submittedAt: Date
	/** Null for anonymous forms. */
	applicant: { givenName: string; familyName: string; dateOfBirth?: string; email?: string; phone?: string; address?: string } | null
	/** Field values keyed by field name, as validated against the form definition. */
	data: Record<string, unknown>
	attachments: DeliveryAttachment[]
	/** The submission rendered as PDF (what the citizen downloads). */
	pdf: Buffer
}

/** The citizen's answer to a needs-info request, sent on after the submission itself was filed. */
export type AnswerPayload = {
	/** Idempotency key of the answer: "answer-<timeline event id>"; a retry never files it twice. */
	answerId: string
	submissionId: string
	number: string
	town: { slug: string; name: string }
	/** The records system's id of the filed submission (DeliveryResult.externalId). */
	externalId: string
	referenceNumber: string | null
	answeredAt: Date
	message: string
	/** Files the citizen added with the answer. */
	attachments: DeliveryAttachment[]
}

/** A conversation with the office (or one message of it) that a clerk files as a document of its own. */
export type DocumentPayload = {
	/** Idempotency key: "thread-<uuid>" for a whole conversation, "message-<uuid>" for one message. */
	documentId: string
	town: { slug: string; name: string }
	thread: { id: string; topic: string; subject: string; startedAt: Date }
	/** The citizen the conversation is with; null for an anonymous submitter's follow-up. */
	citizen: { givenName: string; familyName: string; email?: string } | null
	/** The submission the conversation belongs to, if any. */
	submissionNumber: string | null
	/** What is filed, oldest first; the office's internal notes are never part of it. */
	messages: { id: string; at: Date; author: 'citizen' | 'staff'; authorName: string | null; body: string }[]
	attachments: DeliveryAttachment[]
	/** The clerk who asked for the filing. */
	filedBy: string
	requestedAt: Date
}

/** The document's text as filed (e-mail body, GINIS text file): the same words whatever the connector. */
export function documentText(payload: DocumentPayload): string {
	const citizen = payload.citizen ? `${payload.citizen.givenName} ${payload.citizen.familyName}` : 'anonymní / anonymous'
	return [
		`Konverzace s úřadem z portálu občana (${payload.town.name}) / A conversation with the office from the citizen portal.`,
		'',
		`Předmět / subject: ${payload.thread.subject}`,
		`Téma / topic: ${payload.thread.topic}`,
		`Občan / citizen: ${citizen}`,
		...(payload.submissionNumber ? [`Podání / submission: ${payload.submissionNumber}`] : []),
		`Založil(a) / filed by: ${payload.filedBy}`,
		`Identifikátor / id: ${payload.documentId}`,
		`Přílohy / attachments: ${payload.attachments.length}`,
		'',
		...payload.messages.flatMap((message) => [
			`--- ${message.at.toISOString()} · ${message.author === 'staff' ? 'úřad / office' : 'občan / citizen'}${message.authorName ? ` · ${message.authorName}` : ''}`,
			message.body,
			'',
		]),
	].join('\n')
}

export type DeliveryResult = {
	/** The records system's own id for the document. */
	externalId: string
	/** Číslo jednací, when the system assigns it synchronously. */
	referenceNumber?: string
}

export type StatusUpdate = {
	/** Unique per event, for deduplication (callback event id, or a hash of a polled state). */
	eventId: string
	submissionId: string
	status: RecordsStatus
	referenceNumber?: string
	assignee?: { name: string; department?: string }
	message?: string
	at: Date
}

export interface RecordsConnector {
	readonly kind: 'webhook' | 'email' | 'ginis'
	/** Files the submission. Throws DeliveryError; `retryable: false` means retrying cannot help. */
	deliver(payload: DeliveryPayload): Promise<DeliveryResult>
	/** Adds the citizen's needs-info answer to the filed document; same errors as deliver. */
	deliverAnswer(payload: AnswerPayload): Promise<DeliveryResult>
	/** Files a conversation (or one message) as a new document; same errors as deliver. */
	fileDocument(payload: DocumentPayload): Promise<DeliveryResult>
	/** Connectors without callbacks (GINIS) report status by polling. */
	poll?(delivered: { submissionId: string; externalId: string }): Promise<StatusUpdate[]>
}

export class DeliveryError extends Error {
	constructor(
		message: string,
		readonly retryable: boolean,
	) {
		super(message)
		this.name = 'DeliveryError'
	}
}
