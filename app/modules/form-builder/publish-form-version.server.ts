import { Prisma } from '../../generated/tenant/client'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { FormDefinition } from '../forms/form-definition-schema'

/**
 * Publishes a definition as the form's next version (a new form gets version 1). Published versions
 * never change, so submissions made against an earlier version keep it. Returns the new version number.
 */
export async function publishFormVersion({
	db,
	definition,
	staff,
	ip,
	requestId,
	closeDraft = false,
}: {
	db: TenantDb
	definition: FormDefinition
	staff: { id: string; name: string }
	ip?: string | null
	requestId?: string | null
	/** The builder's draft became this version: close it in the same transaction. */ closeDraft?: boolean
}) {
	const json = JSON.parse(JSON.stringify(definition)) as Prisma.InputJsonObject
	const catalogue = {
		lifeSituation: definition.lifeSituation,
		agenda: definition.agenda,
		title: definition.title,
		description: definition.description ?? {},
		isActive: true,
	}
	return db.$transaction(async (tx) => {
		const draft = closeDraft ? { draftDefinition: Prisma.DbNull, draftUpdatedAt: null, draftUpdatedBy: null } : {}
		const form = await tx.form.upsert({
			where: { code: definition.code },
			create: { code: definition.code, ...catalogue },
			update: { ...catalogue, ...draft },
			select: { id: true },
		})
		const latest = await tx.formVersion.findFirst({ where: { formId: form.id }, orderBy: { version: 'desc' }, select: { version: true } })
		const version = (latest?.version ?? 0) + 1
		await tx.formVersion.create({ data: { formId: form.id, version, definition: json, publishedAt: new Date(), publishedBy: staff.name } })
		await recordAudit(tx, {
			action: 'form.published',
			staffId: staff.id,
			subject: `Form:${form.id}`,
			details: { code: definition.code, version },
			ip,
			requestId,
		})
		return version
	})
}
