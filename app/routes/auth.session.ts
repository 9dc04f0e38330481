import type { ActionFunctionArgs } from '@remix-run/node'
import { getCurrentUser } from '~/modules/auth/current-user.server'

// "Stay logged in" from a citizen's inactivity warning (the office has /urad/session): reading the
// session moves its last-seen time, and the root loader runs again after this and restarts the
// countdown. A resource route that answers, never redirects: 204 for a live citizen session, else 401.
export async function action({ request, context }: ActionFunctionArgs) {
	const user = await getCurrentUser(request, context)
	return new Response(null, { status: user.actor.kind === 'citizen' ? 204 : 401, headers: { 'Cache-Control': 'no-store' } })
}
