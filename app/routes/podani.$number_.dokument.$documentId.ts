import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { readDecisionDocument } from '~/modules/forms/read-decision-document.server'

// The office's decision document, for the citizen whose submission it is; served as a download.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const documentId = z.uuid().safeParse(params.documentId)
	const file = documentId.success
		? await readDecisionDocument({ db: user.db, ability: user.ability, number: params.number ?? '', documentId: documentId.data })
		: null
	if (!file) throw data(null, { status: 404 })
	return new Response(new Uint8Array(file.content), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
		},
	})
}
