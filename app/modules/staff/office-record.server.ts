import { data, type AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import { asSubject } from '../access/ability.server'
import type { TenantSubjectName } from '../access/permissions'
import { requireOfficeStaff } from './require-office-staff.server'
import { requirePermission } from './require-permission.server'

type OfficeStaff = Awaited<ReturnType<typeof requireOfficeStaff>>

/**
 * The office detail routes' one way in (`/urad/platby/:id`, `/urad/poplatky/predpisy/:id`,
 * `/urad/podani/:id`): the signed-in member of staff, allowed to read this kind of record at all
 * (else 403, audited), then the record with this id in the clerk's own town (`user.db` reaches
 * nothing else) that the clerk may read. A malformed id, a missing record and a record the clerk may
 * not read (another agenda's submission) all answer the same 404: whether it exists is not disclosed.
 * Changing the record needs its own check on the instance (requirePermission: 403, audited).
 */
export async function loadOfficeRecord<T extends object>(
	request: Request,
	context: AppLoadContext,
	{
		id,
		subject,
		find,
		subjectOf = (record) => record,
	}: {
		id: string | undefined
		subject: TenantSubjectName
		find: (user: OfficeStaff, id: string) => Promise<T | null>
		/** The row the permission is checked on, when find returns more than the row. */
		subjectOf?: (record: T) => object
	},
): Promise<{ user: OfficeStaff; record: T }> {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', subject, { request, context })
	const parsed = z.uuid().safeParse(id)
	const record = parsed.success ? await find(user, parsed.data) : null
	if (!record || !user.ability.can('read', asSubject(subject, subjectOf(record) as never))) throw data({ reason: 'not_found' }, { status: 404 })
	return { user, record }
}
