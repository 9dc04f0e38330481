import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { FormDefinitionBaseSchema } from './form-definition-schema'

/** One submission the ability may read, with its timeline (citizen-visible events only, with the office's decision documents) and file list. */
export async function getMySubmission({ db, ability, number }: { db: TenantDb; ability: AppAbility; number: string }) {
	const submission = await db.submission.findFirst({
		where: { AND: [accessibleWhere(ability, 'read', 'Submission'), { number }] },
		select: {
			id: true,
			number: true,
			status: true,
			data: true,
			locale: true,
			submittedAt: true,
			referenceNumber: true,
			assigneeName: true,
			assigneeDepartment: true,
			contactEmail: true,
			thread: { select: { id: true } },
			person: { select: { givenName: true, familyName: true } },
			formVersion: { select: { version: true, definition: true, form: { select: { code: true, title: true } } } },
			attachments: {
				where: { origin: 'citizen' },
				select: { id: true, fieldName: true, fileName: true, size: true, contentType: true, sha256: true },
				orderBy: { createdAt: 'asc' },
			},
			events: {
				where: { isVisibleToCitizen: true },
				orderBy: { at: 'asc' },
				select: {
					id: true,
					kind: true,
					status: true,
					message: true,
					actorName: true,
					at: true,
					attachments: { where: { origin: 'office' }, select: { id: true, fileName: true, size: true } },
				},
			},
		},
	})
	if (!submission) return null
	const { formVersion, events, ...rest } = submission
	return {
		...rest,
		data: rest.data as Record<string, unknown>,
		form: {
			code: formVersion.form.code,
			title: formVersion.form.title,
			version: formVersion.version,
			definition: FormDefinitionBaseSchema.parse(formVersion.definition),
		},
		events: events.map((event) => ({ ...event, id: event.id.toString() })),
	}
}
