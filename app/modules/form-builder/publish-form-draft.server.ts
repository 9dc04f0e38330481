import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import type { DefinitionProblem } from './parse-definition-json'
import { parseDefinitionJson } from './parse-definition-json'
import { publishFormVersion } from './publish-form-version.server'
import { draftStamp, type DraftConflict } from './edit-form-draft.server'

type Options = {
	db: TenantDb
	code: string
	staff: { id: string; name: string }
	ip?: string | null
	requestId?: string | null
	/** The draftStamp the admin's page showed: a draft saved since is not published unseen. */ expectedStamp?: string | undefined
}

/** Publishes the form's draft as its next version and closes the draft; earlier submissions keep their version. */
export async function publishFormDraft({
	db,
	code,
	staff,
	ip,
	requestId,
	expectedStamp,
}: Options): Promise<{ ok: true; version: number } | { ok: false; problems: DefinitionProblem[] } | DraftConflict> {
	const form = await db.form.findUnique({ where: { code }, select: { draftDefinition: true, draftUpdatedAt: true, draftUpdatedBy: true } })
	if (!form) throw new AppError('input_invalid', `No form "${code}".`)
	if (expectedStamp !== undefined && expectedStamp !== draftStamp(form.draftUpdatedAt))
		return { ok: false, conflict: { by: form.draftUpdatedBy, at: form.draftUpdatedAt }, problems: [] }
	if (form.draftDefinition === null) return { ok: false, problems: [{ path: '', message: 'there is no draft to publish' }] }
	// Checked again: the schema may have grown stricter since the draft was saved.
	const parsed = parseDefinitionJson(JSON.stringify(form.draftDefinition))
	if (!parsed.ok) return parsed
	const version = await publishFormVersion({ db, definition: parsed.definition, staff, ip, requestId, closeDraft: true })
	return { ok: true, version }
}
