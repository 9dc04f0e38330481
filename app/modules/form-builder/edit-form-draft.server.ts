import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { applyBuilderEdit, type BuilderEditResult } from './apply-builder-edit'
import type { BuilderEdit } from './builder-edit-schema'
import { loadFormDraft } from './load-form-draft.server'

type Options = { db: TenantDb; code: string; edit: BuilderEdit; staff: { id: string; name: string } }

/**
 * One builder edit: applied to the form's draft (opened from the latest published version on the
 * first edit), checked as a whole, and stored only when valid. The published versions, and so what
 * citizens fill, do not change until the draft is published.
 */
export async function editFormDraft({ db, code, edit, staff }: Options): Promise<BuilderEditResult> {
	const current = await loadFormDraft({ db, code })
	if (!current) throw new AppError('input_invalid', `No form "${code}".`)
	const result = applyBuilderEdit(current.definition, edit)
	if (!result.ok) return result
	// The code names the form (and its URL); the builder never changes it.
	if (result.definition.code !== code) return { ok: false, problems: [{ path: 'code', message: 'the form code cannot change' }] }
	if (edit.intent === 'set-form') {
		const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { submissionAgendas: true } })
		const agendas = ((settings?.submissionAgendas ?? []) as { code: string }[]).map((agenda) => agenda.code)
		if (!agendas.includes(result.definition.agenda)) return { ok: false, problems: [{ path: 'agenda', message: `agenda "${result.definition.agenda}" is not one of the town's agendas` }] }
	}
	await db.form.update({
		where: { id: current.id },
		data: { draftDefinition: JSON.parse(JSON.stringify(result.definition)) as Prisma.InputJsonObject, draftUpdatedAt: new Date(), draftUpdatedBy: staff.name },
	})
	return result
}
