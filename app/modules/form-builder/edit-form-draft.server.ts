import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { applyBuilderEdit, type BuilderEditResult } from './apply-builder-edit'
import type { BuilderEdit } from './builder-edit-schema'
import { loadFormDraft } from './load-form-draft.server'

/**
 * Which draft the admin's page showed: the draft's last save time (ISO), or '' when the page showed
 * the published version (no draft open). Every builder form posts it as `draftStamp`.
 */
export function draftStamp(draftUpdatedAt: Date | null): string {
	return draftUpdatedAt?.toISOString() ?? ''
}

/** Someone else saved the draft after the admin's page was loaded: who and when. */
export type DraftConflict = { ok: false; conflict: { by: string | null; at: Date | null }; problems: [] }

type Options = {
	db: TenantDb
	code: string
	edit: BuilderEdit
	staff: { id: string; name: string }
	/** The draftStamp the admin's page showed; undefined skips the check (scripts, imports). */
	expectedStamp?: string | undefined
}

/**
 * One builder edit: applied to the form's draft (opened from the latest published version on the
 * first edit), checked as a whole, and stored only when valid. The published versions, and so what
 * citizens fill, do not change until the draft is published.
 *
 * Two admins on the same draft: the save is conditional on the draft being the one the admin's page
 * showed (its draftUpdatedAt), in the same UPDATE, so the second of two concurrent saves is refused
 * with a DraftConflict instead of silently replacing the first.
 */
export async function editFormDraft({ db, code, edit, staff, expectedStamp }: Options): Promise<BuilderEditResult | DraftConflict> {
	const current = await loadFormDraft({ db, code })
	if (!current) throw new AppError('input_invalid', `No form "${code}".`)
	const conflict = (): DraftConflict => ({ ok: false, conflict: { by: current.draftUpdatedBy, at: current.draftUpdatedAt }, problems: [] })
	if (expectedStamp !== undefined && expectedStamp !== draftStamp(current.draftUpdatedAt)) return conflict()
	const result = applyBuilderEdit(current.definition, edit)
	if (!result.ok) return result
	// The code names the form (and its URL); the builder never changes it.
	if (result.definition.code !== code) return { ok: false, problems: [{ path: 'code', message: 'the form code cannot change' }] }
	if (edit.intent === 'set-form') {
		const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { submissionAgendas: true } })
		const agendas = ((settings?.submissionAgendas ?? []) as { code: string }[]).map((agenda) => agenda.code)
		if (!agendas.includes(result.definition.agenda))
			return { ok: false, problems: [{ path: 'agenda', message: `agenda "${result.definition.agenda}" is not one of the town's agendas`, rule: 'agenda' }] }
	}
	const saved = await db.form.updateMany({
		where: { id: current.id, draftUpdatedAt: current.draftUpdatedAt },
		data: { draftDefinition: JSON.parse(JSON.stringify(result.definition)) as Prisma.InputJsonObject, draftUpdatedAt: new Date(), draftUpdatedBy: staff.name },
	})
	if (saved.count === 0) {
		const now = await loadFormDraft({ db, code })
		return { ok: false, conflict: { by: now?.draftUpdatedBy ?? null, at: now?.draftUpdatedAt ?? null }, problems: [] }
	}
	return result
}
