import { data, type AppLoadContext } from '@remix-run/node'
import { ForbiddenError, type AppAbility } from '../access/ability.server'
import type { Action } from '../access/permissions'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { requestMeta } from './office-request.server'

type Subject = Parameters<AppAbility['can']>[1]

/**
 * Checks one permission through CASL; a refusal is written to the audit log (access.denied) and
 * answered with 403. The UI may hide what a user cannot do; this is the check that counts.
 */
export async function requirePermission(
	user: { db: TenantDb; ability: AppAbility; actor: { staffUserId: string } },
	action: Action,
	subject: Subject,
	{ request, context, label }: { request: Request; context: AppLoadContext; label?: string },
) {
	try {
		ForbiddenError.from(user.ability).throwUnlessCan(action, subject)
	} catch (error) {
		if (!(error instanceof ForbiddenError)) throw error
		await recordAudit(user.db, {
			action: 'access.denied',
			outcome: 'denied',
			staffId: user.actor.staffUserId,
			subject: label ?? (typeof subject === 'string' ? subject : null),
			details: { want: action, path: new URL(request.url).pathname, method: request.method },
			...requestMeta(context),
		})
		throw data({ reason: 'forbidden' }, { status: 403 })
	}
}
