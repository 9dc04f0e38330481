// Files a submission by e-mail to the town's filing office (podatelna): the PDF of the submission
// plus the citizen's attachments. Delivered = the SMTP relay accepted it; externalId = Message-ID.
import type { Transporter } from 'nodemailer'
import { getMailTransport } from '../../mail/mail-transport.server'
import {
	DeliveryError,
	documentText,
	type AnswerPayload,
	type DeliveryPayload,
	type DeliveryResult,
	type DocumentPayload,
	type RecordsConnector,
} from '../connector'

export type EmailConnectorOptions = {
	to: string
	/** Sender; defaults to portal@<domain of `to`>. */
	from?: string
	transport?: () => Transporter
}

function bodyText(payload: DeliveryPayload): string {
	const applicant = payload.applicant ? `${payload.applicant.givenName} ${payload.applicant.familyName}` : 'anonymní podání / anonymous'
	return [
		`Podání ${payload.number} z portálu občana (${payload.town.name}).`,
		`Submission ${payload.number} from the citizen portal.`,
		'',
		`Formulář / form: ${payload.form.title} (${payload.form.code}, verze ${payload.form.version})`,
		`Agenda: ${payload.form.agenda}`,
		`Podáno / submitted: ${payload.submittedAt.toISOString()}`,
		`Podatel / applicant: ${applicant}`,
		`Identifikátor / id: ${payload.submissionId}`,
		`Přílohy / attachments: ${payload.attachments.length + 1} (PDF podání + ${payload.attachments.length})`,
	].join('\n')
}

/** SMTP 4xx replies are temporary by definition; 5xx (and an address the relay refuses) are not. */
function isRetryable(error: unknown): boolean {
	const code = (error as { responseCode?: number })?.responseCode
	return typeof code !== 'number' || code < 500
}

export function createEmailConnector({ to, from, transport = getMailTransport }: EmailConnectorOptions): RecordsConnector {
	const sender = from ?? `portal@${to.split('@')[1]}`
	async function send(mail: {
		subject: string
		text: string
		headers: Record<string, string>
		townName: string
		attachments: { filename: string; content: Buffer; contentType: string }[]
	}): Promise<DeliveryResult> {
		try {
			const info = await transport().sendMail({
				from: { name: `Portál občana – ${mail.townName}`, address: sender },
				to,
				subject: mail.subject,
				text: mail.text,
				headers: mail.headers,
				attachments: mail.attachments,
			})
			const rejected = info.rejected ?? []
			if (rejected.length > 0) throw Object.assign(new Error(`the relay refused ${rejected.join(', ')}`), { responseCode: 550 })
			return { externalId: info.messageId }
		} catch (error) {
			throw new DeliveryError(`Filing office e-mail to ${to} failed: ${error instanceof Error ? error.message : String(error)}`, isRetryable(error))
		}
	}
	return {
		kind: 'email',
		deliver: (payload: DeliveryPayload) =>
			send({
				townName: payload.town.name,
				subject: `Podání ${payload.number}: ${payload.form.title}`,
				text: bodyText(payload),
				headers: { 'X-Portal-Submission-Id': payload.submissionId, 'X-Portal-Tenant': payload.town.slug, 'X-Portal-Template': 'records-delivery' },
				attachments: [
					{ filename: `${payload.number}.pdf`, content: payload.pdf, contentType: 'application/pdf' },
					...payload.attachments.map((file) => ({ filename: file.fileName, content: file.content, contentType: file.contentType })),
				],
			}),
		deliverAnswer: (payload: AnswerPayload) =>
			send({
				townName: payload.town.name,
				subject: `Doplnění podání ${payload.number}${payload.referenceNumber ? ` (č. j. ${payload.referenceNumber})` : ''}`,
				text: answerText(payload),
				headers: {
					'X-Portal-Submission-Id': payload.submissionId,
					'X-Portal-Answer-Id': payload.answerId,
					'X-Portal-Tenant': payload.town.slug,
					'X-Portal-Template': 'records-answer',
				},
				attachments: payload.attachments.map((file) => ({ filename: file.fileName, content: file.content, contentType: file.contentType })),
			}),
		fileDocument: (payload: DocumentPayload) =>
			send({
				townName: payload.town.name,
				subject: `Konverzace s úřadem: ${payload.thread.subject}`,
				text: documentText(payload),
				headers: { 'X-Portal-Document-Id': payload.documentId, 'X-Portal-Tenant': payload.town.slug, 'X-Portal-Template': 'records-document' },
				attachments: payload.attachments.map((file) => ({ filename: file.fileName, content: file.content, contentType: file.contentType })),
			}),
	}
}

function answerText(payload: AnswerPayload): string {
	return [
		`Občan doplnil podání ${payload.number} na výzvu úřadu (portál občana, ${payload.town.name}).`,
		`The citizen answered the office's request for more information on submission ${payload.number}.`,
		'',
		`Číslo jednací / reference: ${payload.referenceNumber ?? '—'}`,
		`Doplněno / answered: ${payload.answeredAt.toISOString()}`,
		`Identifikátor / id: ${payload.answerId}`,
		`Přílohy / attachments: ${payload.attachments.length}`,
		'',
		payload.message,
	].join('\n')
}
