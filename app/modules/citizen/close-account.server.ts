import { Prisma } from '../../generated/tenant/client'
import { asSubject, ForbiddenError, type AppAbility } from '../access/ability.server'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { CLOSED_ACCOUNT_NAME, DEFAULT_ACCOUNTING_RETENTION_YEARS } from './retention'

/**
 * Closes a citizen's account (docs/decisions/005-citizen-login-nia.md): removes what the law lets us remove
 * now (contacts, preferences, date of birth, address, the NIA identifier, every session; the name is
 * replaced) and keeps the row itself, so records the town must keep (payments, claims) still point at
 * something. The PersonIdentifier is not kept, not even hashed: a later NIA login starts a new account.
 */
export async function closeAccount({ db, ability, personId, requestId }: { db: TenantDb; ability: AppAbility; personId: string; requestId?: string | null }) {
	const person = await db.person.findUniqueOrThrow({ where: { id: personId } })
	// Erasure is every citizen's right over their own record (no separate CASL action): the check is that it is their own.
	ForbiddenError.from(ability).throwUnlessCan('read', asSubject('Person', person))
	await db.$transaction(async (tx) => {
		await tx.person.update({
			where: { id: personId },
			data: {
				personIdentifier: null,
				...CLOSED_ACCOUNT_NAME,
				email: null,
				phone: null,
				dateOfBirth: null,
				address: Prisma.DbNull,
				addressIds: Prisma.DbNull,
				municipalityCode: null,
				isResident: false,
				notificationEmail: null,
				notifyByEmail: false,
				preferredLocale: null,
				levelOfAssurance: null,
				closedAt: new Date(),
			},
		})
		const { count } = await tx.session.deleteMany({ where: { personId } })
		await recordAudit(tx, {
			action: 'account.close',
			personId,
			subject: `Person:${personId}`,
			details: { sessionsEnded: count, accountingRetentionYears: DEFAULT_ACCOUNTING_RETENTION_YEARS },
			requestId,
		})
	})
}
