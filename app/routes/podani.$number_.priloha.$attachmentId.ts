import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { readMyAttachment } from '~/modules/forms/read-decision-document.server'

// A file the citizen attached to their submission, for them alone; served as a download (never inline).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const attachmentId = z.uuid().safeParse(params.attachmentId)
	const file = attachmentId.success
		? await readMyAttachment({ db: user.db, ability: user.ability, number: params.number ?? '', attachmentId: attachmentId.data })
		: null
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
