import { asSubject, ForbiddenError, type AppAbility } from '../access/ability.server'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { ContactPreferences } from './contact-preferences-schema'

/** Saves what the citizen chose; audits which fields changed (not their values). */
export async function updateContactPreferences({
	db,
	ability,
	personId,
	preferences,
	requestId,
}: {
	db: TenantDb
	ability: AppAbility
	personId: string
	preferences: ContactPreferences
	requestId?: string | null
}) {
	const current = await db.person.findUniqueOrThrow({ where: { id: personId } })
	const next = {
		notificationEmail: preferences.notificationEmail?.toLowerCase() ?? null,
		notifyByEmail: preferences.notifyByEmail,
		preferredLocale: preferences.preferredLocale,
	}
	const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => current[field] !== next[field])
	for (const field of changed) ForbiddenError.from(ability).throwUnlessCan('update', asSubject('Person', current), field)
	if (!changed.length) return { changed }
	await db.$transaction(async (tx) => {
		await tx.person.update({ where: { id: personId }, data: next })
		await recordAudit(tx, { action: 'profile.update', personId, subject: `Person:${personId}`, details: { fields: changed }, requestId })
	})
	return { changed }
}
