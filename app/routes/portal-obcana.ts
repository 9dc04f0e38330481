import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { CITIZEN_LANDING, getCurrentUser } from '~/modules/auth/current-user.server'
import { getEnv } from '~/modules/env/env.server'
import { failureUrl } from '~/modules/nia/failure-url'
import { failurePageFor, NiaLoginError } from '~/modules/nia/nia-login-error'
import { startNiaLogin } from '~/modules/nia/start-nia-login.server'

// GET /portal-obcana: the stable entry URL behind the town's tile on the state Portál občana
// (decision 016). A logged-in citizen goes straight to the overview; anyone else is sent to NIA at
// once (the AuthnRequest asks for the town's minimum LoA) and lands on the overview afterwards. NIA
// still has the session from the state portal, so the citizen sees no second login. Plain redirects:
// works without JavaScript.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await getCurrentUser(request, context)
	const noStore = { 'Cache-Control': 'no-store' }
	if (user.actor.kind === 'citizen') return redirect(CITIZEN_LANDING, { headers: noStore })
	try {
		const url = await startNiaLogin({ tenant: user.tenant, db: user.db, returnTo: CITIZEN_LANDING, isProduction: getEnv().NODE_ENV === 'production' })
		return redirect(url, { headers: noStore })
	} catch (error) {
		if (error instanceof NiaLoginError) return redirect(failureUrl(failurePageFor(error.reason)), { headers: noStore })
		throw error
	}
}
