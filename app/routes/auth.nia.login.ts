import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { getCurrentUser, loginLanding } from '~/modules/auth/current-user.server'
import { getEnv } from '~/modules/env/env.server'
import { failureUrl } from '~/modules/nia/failure-url'
import { failurePageFor, NiaLoginError } from '~/modules/nia/nia-login-error'
import { startNiaLogin } from '~/modules/nia/start-nia-login.server'

// GET /auth/nia/login?returnTo=/path: off to NIA with a signed AuthnRequest (HTTP-Redirect binding).
// Without a returnTo (or with the home page) the citizen lands on their overview, /muj-prehled.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const returnTo = loginLanding(new URL(request.url).searchParams.get('returnTo'))
	const user = await getCurrentUser(request, context)
	if (user.actor.kind === 'citizen') return redirect(returnTo)
	try {
		const url = await startNiaLogin({ tenant: user.tenant, db: user.db, returnTo, isProduction: getEnv().NODE_ENV === 'production' })
		return redirect(url, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		if (error instanceof NiaLoginError) return redirect(failureUrl(failurePageFor(error.reason)))
		throw error
	}
}
