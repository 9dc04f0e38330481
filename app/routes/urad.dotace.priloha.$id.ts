import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { attachmentHeaders, findOfficeGrantAttachment } from '~/modules/grants/grant-attachments.server'
import { requireGrantsStaff } from '~/modules/grants/office-grants-guard.server'

/** An application's attachment for the grants clerk, or for an assigned evaluator who declared no conflict. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { user } = await requireGrantsStaff(request, context)
	const file = await findOfficeGrantAttachment({ db: user.db, ability: user.ability, staffUserId: user.actor.staffUserId, attachmentId: params.id ?? '' })
	if (!file) throw data(null, { status: 404 })
	return new Response(new Uint8Array(file.content), { headers: attachmentHeaders(file) })
}
