import type { TenantDb } from '../db/tenant-db.server'
import { FormDefinitionBaseSchema, type FormDefinition } from './form-definition-schema'

export type PublishedForm = { id: string; code: string; agenda: string; versionId: string; version: number; definition: FormDefinition }

/** The newest published version of an active form, or null. Definitions were validated when published. */
export async function getPublishedForm({ db, code }: { db: TenantDb; code: string }): Promise<PublishedForm | null> {
	const form = await db.form.findFirst({
		where: { code, isActive: true },
		select: {
			id: true,
			code: true,
			agenda: true,
			versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'desc' }, take: 1, select: { id: true, version: true, definition: true } },
		},
	})
	const latest = form?.versions[0]
	if (!form || !latest) return null
	return {
		id: form.id,
		code: form.code,
		agenda: form.agenda,
		versionId: latest.id,
		version: latest.version,
		definition: FormDefinitionBaseSchema.parse(latest.definition),
	}
}
