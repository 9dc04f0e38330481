import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { CITIZEN_LANDING, getCurrentUser } from '~/modules/auth/current-user.server'

// GET /portal-obcana: the stable entry URL behind the town's tile on the state Portál občana
// (decision 016). A logged-in citizen goes straight to the overview; anyone else is sent on to the
// NIA login at once (which asks for the town's minimum LoA, binds the login to this browser and counts
// it against the per-IP limit) and lands on the overview afterwards. NIA still has the session from
// the state portal, so the citizen sees no second login. Plain redirects: works without JavaScript.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await getCurrentUser(request, context)
	const noStore = { 'Cache-Control': 'no-store' }
	if (user.actor.kind === 'citizen') return redirect(CITIZEN_LANDING, { headers: noStore })
	return redirect(`/auth/nia/login?zpet=${encodeURIComponent(CITIZEN_LANDING)}`, { headers: noStore })
}
