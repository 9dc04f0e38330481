import type { ActionFunctionArgs } from '@remix-run/node'
import { getCurrentUser } from '~/modules/auth/current-user.server'

// "Stay signed in" from the inactivity warning: reading the session moves its last-seen time.
// The office layout's loader runs again after this and restarts the countdown.
export async function action({ request, context }: ActionFunctionArgs) {
	const user = await getCurrentUser(request, context)
	if (user.actor.kind !== 'staff') return Response.json({ isActive: false }, { status: 401, headers: { 'Cache-Control': 'no-store' } })
	return Response.json({ isActive: true }, { headers: { 'Cache-Control': 'no-store' } })
}
