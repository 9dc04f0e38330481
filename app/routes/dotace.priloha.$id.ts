import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { attachmentHeaders, findMyGrantAttachment } from '~/modules/grants/grant-attachments.server'

/** An attachment of the applicant's own application. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const file = await findMyGrantAttachment({ db: user.db, ability: user.ability, attachmentId: params.id ?? '' })
	if (!file) throw data(null, { status: 404 })
	return new Response(new Uint8Array(file.content), { headers: attachmentHeaders(file) })
}
