import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { attachmentResponse, readThreadAttachment } from '~/modules/messages/read-thread-attachment.server'

// A file on a message of the citizen's own thread, served as a download.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const ids = z.object({ id: z.uuid(), attachmentId: z.uuid() }).safeParse(params)
	const file = ids.success
		? await readThreadAttachment({ db: user.db, ability: user.ability, threadId: ids.data.id, attachmentId: ids.data.attachmentId, forCitizen: true })
		: null
	if (!file) throw data(null, { status: 404 })
	return attachmentResponse(file)
}
