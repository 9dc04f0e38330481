import { createHash } from 'node:crypto'
import type { AnswerPayload, DeliveryAttachment, DeliveryPayload, DocumentPayload } from './connector'

/** The JSON the webhook connector POSTs (schema `Submission` in docs/api/records-system.openapi.yaml). */
export function buildWebhookBody(payload: DeliveryPayload) {
	return {
		submissionId: payload.submissionId,
		number: payload.number,
		town: payload.town,
		form: payload.form,
		submittedAt: payload.submittedAt.toISOString(),
		applicant: payload.applicant,
		data: payload.data,
		attachments: payload.attachments.map(attachmentBody),
		pdf: {
			fileName: `${payload.number}.pdf`,
			contentType: 'application/pdf',
			size: payload.pdf.length,
			sha256: createHash('sha256').update(payload.pdf).digest('hex'),
			contentBase64: payload.pdf.toString('base64'),
		},
	}
}

function attachmentBody(file: DeliveryAttachment) {
	return {
		id: file.id,
		fileName: file.fileName,
		contentType: file.contentType,
		size: file.size,
		sha256: file.sha256,
		contentBase64: file.content.toString('base64'),
	}
}

/** The JSON of the citizen's needs-info answer (schema `Answer` in docs/api/records-system.openapi.yaml). */
export function buildAnswerWebhookBody(payload: AnswerPayload) {
	return {
		kind: 'answer' as const,
		answerId: payload.answerId,
		submissionId: payload.submissionId,
		number: payload.number,
		town: payload.town,
		externalId: payload.externalId,
		referenceNumber: payload.referenceNumber,
		answeredAt: payload.answeredAt.toISOString(),
		message: payload.message,
		attachments: payload.attachments.map(attachmentBody),
	}
}

/** The JSON of a conversation filed by a clerk (schema `Document` in docs/api/records-system.openapi.yaml). */
export function buildDocumentWebhookBody(payload: DocumentPayload) {
	return {
		kind: 'document' as const,
		documentId: payload.documentId,
		town: payload.town,
		thread: { ...payload.thread, startedAt: payload.thread.startedAt.toISOString() },
		citizen: payload.citizen,
		submissionNumber: payload.submissionNumber,
		filedBy: payload.filedBy,
		requestedAt: payload.requestedAt.toISOString(),
		messages: payload.messages.map((message) => ({ ...message, at: message.at.toISOString() })),
		attachments: payload.attachments.map(attachmentBody),
	}
}
