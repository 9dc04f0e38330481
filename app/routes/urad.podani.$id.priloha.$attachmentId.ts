import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { readAttachment } from '~/modules/inbox/read-attachment.server'
import { requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// An attachment for the clerk, served as a download (never rendered inline on our origin); audited.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'Submission', { request, context })
	const ids = z.object({ id: z.uuid(), attachmentId: z.uuid() }).safeParse(params)
	if (!ids.success) throw data(null, { status: 404 })
	const file = await readAttachment({
		db: user.db,
		ability: user.ability,
		submissionId: ids.data.id,
		attachmentId: ids.data.attachmentId,
		staffId: user.me.id,
		...requestMeta(context),
	})
	if (!file) throw data(null, { status: 404 })
	return new Response(new Uint8Array(file.content), {
		headers: {
			'Content-Type': 'application/octet-stream',
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
		},
	})
}
