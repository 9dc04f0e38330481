import type { TenantDb } from '../db/tenant-db.server'
import { FormDefinitionBaseSchema } from '../forms/form-definition-schema'
import { renderSubmissionPdf } from '../forms/render-submission-pdf.server'
import { pickText, type LocalizedText } from '../i18n/locales'
import type { DeliveryPayload } from './connector'

/** Everything the records system gets for one submission, in Czech (the office's language). */
export async function buildDeliveryPayload({
	db,
	town,
	submissionId,
}: {
	db: TenantDb
	town: { slug: string; name: LocalizedText }
	submissionId: string
}): Promise<DeliveryPayload> {
	const submission = await db.submission.findUniqueOrThrow({
		where: { id: submissionId },
		select: {
			id: true,
			number: true,
			agenda: true,
			data: true,
			submittedAt: true,
			contactEmail: true,
			person: { select: { givenName: true, familyName: true, dateOfBirth: true, email: true, notificationEmail: true, phone: true, address: true } },
			formVersion: { select: { version: true, definition: true, form: { select: { code: true } } } },
			attachments: {
				where: { origin: 'citizen' },
				select: { id: true, fieldName: true, fileName: true, contentType: true, size: true, sha256: true, content: true },
				orderBy: { createdAt: 'asc' },
			},
		},
	})
	const definition = FormDefinitionBaseSchema.parse(submission.formVersion.definition)
	const data = submission.data as Record<string, unknown>
	const pdf = await renderSubmissionPdf({
		locale: 'cs',
		townName: town.name,
		submission: {
			number: submission.number,
			submittedAt: submission.submittedAt,
			data,
			person: submission.person,
			attachments: submission.attachments,
			form: { title: definition.title, version: submission.formVersion.version, definition },
		},
	})
	const person = submission.person
	return {
		submissionId: submission.id,
		number: submission.number,
		town: { slug: town.slug, name: pickText(town.name, 'cs') },
		form: {
			code: submission.formVersion.form.code,
			version: submission.formVersion.version,
			title: pickText(definition.title, 'cs'),
			agenda: submission.agenda,
		},
		submittedAt: submission.submittedAt,
		applicant: person
			? {
					givenName: person.givenName,
					familyName: person.familyName,
					...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth.toISOString().slice(0, 10) } : {}),
					...((submission.contactEmail ?? person.notificationEmail ?? person.email)
						? { email: (submission.contactEmail ?? person.notificationEmail ?? person.email)! }
						: {}),
					...(person.phone ? { phone: person.phone } : {}),
					...(person.address ? { address: formatAddress(person.address) } : {}),
				}
			: null,
		data,
		attachments: submission.attachments.map((file) => ({
			id: file.id,
			fileName: file.fileName,
			contentType: file.contentType,
			size: file.size,
			sha256: file.sha256,
			content: Buffer.from(file.content),
		})),
		pdf,
	}
}

function formatAddress(address: unknown): string {
	if (typeof address === 'string') return address
	const a = address as Record<string, unknown>
	const parts = [a.street ?? a.ulice, a.houseNumber ?? a.cisloDomovni, a.postalCode ?? a.psc, a.municipality ?? a.obec].filter(
		(part) => typeof part === 'string' || typeof part === 'number',
	)
	return parts.length ? parts.join(' ') : JSON.stringify(address)
}
