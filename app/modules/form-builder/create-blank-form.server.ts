import type { Prisma } from '../../generated/tenant/client'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { FormDefinitionSchema, type FormDefinitionInput } from '../forms/form-definition-schema'
import { listSubmissionAgendas } from '../forms/list-submission-agendas.server'
import type { NewForm } from './new-form-schema'

/** Where the refusal belongs: the input it is about. */
export type NewFormRefusal = { ok: false; field: 'code' | 'agenda'; message: string }

/**
 * The starting point of a blank form: one step with one long text field, so the draft is a valid
 * definition the builder can edit and preview from the first moment. The life situation and the
 * retention period are the usual ones; both are changed in the form's settings.
 */
export function blankFormDefinition(input: NewForm): FormDefinitionInput {
	return {
		code: input.code,
		title: { cs: input.titleCs, ...(input.titleEn ? { en: input.titleEn } : {}), ...(input.titleUk ? { uk: input.titleUk } : {}) },
		lifeSituation: 'urad-a-samosprava',
		agenda: input.agenda,
		requiresLogin: true,
		retentionYears: 10,
		steps: [
			{
				id: 'udaje',
				title: { cs: 'Údaje', en: 'Details', uk: 'Дані' },
				fields: [{ name: 'message', type: 'longText', label: { cs: 'Sdělení', en: 'Message', uk: 'Повідомлення' }, required: true }],
			},
		],
	}
}

/**
 * Creates a form from nothing as a draft only: citizens see nothing until the admin publishes it in
 * the builder (the catalogue lists forms with a published version). A code already taken, or an
 * agenda the town does not have, is refused at its field and nothing is created. Audited.
 */
export async function createBlankForm({
	db,
	input,
	staff,
	ip,
	requestId,
}: {
	db: TenantDb
	input: NewForm
	staff: { id: string; name: string }
	ip?: string | null
	requestId?: string | null
}): Promise<{ ok: true; code: string } | NewFormRefusal> {
	const agendas = (await listSubmissionAgendas({ db })).map((agenda) => agenda.code)
	if (!agendas.includes(input.agenda)) return { ok: false, field: 'agenda', message: 'forms-office:newForm.errors.agenda' }
	const definition = FormDefinitionSchema.parse(blankFormDefinition(input))
	return db.$transaction(async (tx) => {
		// The unique code decides; ON CONFLICT keeps two admins creating the same code at once from erroring.
		const created = await tx.form.createManyAndReturn({
			data: [
				{
					code: definition.code,
					lifeSituation: definition.lifeSituation,
					agenda: definition.agenda,
					title: definition.title,
					isActive: false,
					draftDefinition: JSON.parse(JSON.stringify(definition)) as Prisma.InputJsonObject,
					draftUpdatedAt: new Date(),
					draftUpdatedBy: staff.name,
				},
			],
			skipDuplicates: true,
			select: { id: true },
		})
		const form = created[0]
		if (!form) return { ok: false as const, field: 'code' as const, message: 'forms-office:newForm.errors.codeTaken' }
		await recordAudit(tx, { action: 'form.created', staffId: staff.id, subject: `Form:${form.id}`, details: { code: definition.code }, ip, requestId })
		return { ok: true as const, code: definition.code }
	})
}
