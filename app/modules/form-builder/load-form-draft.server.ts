import type { TenantDb } from '../db/tenant-db.server'
import type { FormDefinitionInput } from '../forms/form-definition-schema'

/**
 * A form as the builder edits it: its draft if one is open, otherwise a copy of the latest published
 * version (the first edit turns that copy into the draft). Null when there is no such form or it has
 * never been published.
 */
export async function loadFormDraft({ db, code }: { db: TenantDb; code: string }) {
	const form = await db.form.findUnique({
		where: { code },
		select: {
			id: true,
			code: true,
			title: true,
			draftDefinition: true,
			draftUpdatedAt: true,
			draftUpdatedBy: true,
			versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true, definition: true } },
		},
	})
	const published = form?.versions[0]
	if (!form || (!published && !form.draftDefinition)) return null
	return {
		id: form.id,
		code: form.code,
		title: form.title,
		hasDraft: form.draftDefinition !== null,
		draftUpdatedAt: form.draftUpdatedAt,
		draftUpdatedBy: form.draftUpdatedBy,
		publishedVersion: published?.version ?? null,
		definition: (form.draftDefinition ?? published?.definition) as unknown as FormDefinitionInput,
	}
}
