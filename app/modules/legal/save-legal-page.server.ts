import type { Prisma } from '../../generated/tenant/client'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AccessibilityEditsSchema, PrivacyEditsSchema } from './legal-pages-schema'
import { getLegalPages } from './get-legal-pages.server'

type Input = Record<string, FormDataEntryValue | undefined>

function readLocalizedFields(form: Input, name: string) {
	return { cs: form[`${name}.cs`] ?? '', en: form[`${name}.en`] ?? '', uk: form[`${name}.uk`] ?? '' }
}

/**
 * Saves the admin's version of one legal page (or, with `reset`, returns it to the default), audited.
 * Invalid input changes nothing and comes back as field errors (message keys of legal.json admin.errors).
 */
export async function saveLegalPage({
	db,
	page,
	form,
	reset,
	staffId,
	meta,
}: {
	db: TenantDb
	page: 'accessibility' | 'privacy'
	form: Input
	reset: boolean
	staffId: string
	meta: { ip: string | null; requestId: string | null }
}) {
	let value: unknown = undefined
	if (!reset) {
		const parsed =
			page === 'accessibility'
				? AccessibilityEditsSchema.safeParse({
						status: form.status,
						method: form.method,
						preparedOn: form.preparedOn,
						reviewedOn: form.reviewedOn,
						feedbackEmail: form.feedbackEmail ?? '',
						nonAccessible: readLocalizedFields(form, 'nonAccessible'),
					})
				: PrivacyEditsSchema.safeParse({
						dpoName: form.dpoName ?? '',
						dpoEmail: form.dpoEmail ?? '',
						dpoPhone: form.dpoPhone ?? '',
						extra: readLocalizedFields(form, 'extra'),
					})
		if (!parsed.success) {
			const errors: Record<string, string> = {}
			for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message
			return { ok: false as const, errors }
		}
		value = parsed.data
	}
	const current = await getLegalPages(db)
	const next = {
		accessibility: current.isAccessibilityDefault ? undefined : current.accessibility,
		privacy: current.isPrivacyDefault ? undefined : current.privacy,
		[page]: value,
	}
	await db.$transaction(async (tx) => {
		await tx.townSettings.update({ where: { id: 1 }, data: { legalPages: JSON.parse(JSON.stringify(next)) as Prisma.InputJsonObject } })
		await recordAudit(tx, { action: reset ? 'legal_page.reset' : 'legal_page.update', staffId, subject: `LegalPage:${page}`, ...meta })
	})
	return { ok: true as const }
}
