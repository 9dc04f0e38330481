import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { attachmentResponse, readThreadAttachment } from '~/modules/messages/read-thread-attachment.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// A file on a message of a thread this clerk's agendas cover, served as a download.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'MessageThread', { request, context })
	const ids = z.object({ id: z.uuid(), attachmentId: z.uuid() }).safeParse(params)
	const file = ids.success
		? await readThreadAttachment({ db: user.db, ability: user.ability, threadId: ids.data.id, attachmentId: ids.data.attachmentId, forCitizen: false })
		: null
	if (!file) throw data({ reason: 'not_found' }, { status: 404 })
	return attachmentResponse(file)
}
