import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { getCurrentUser, safeReturnTo } from '~/modules/auth/current-user.server'
import { enforcesProductionRules } from '~/modules/env/demo-mode'
import { getEnv } from '~/modules/env/env.server'
import { failureUrl } from '~/modules/nia/failure-url'
import { failurePageFor, NiaLoginError } from '~/modules/nia/nia-login-error'
import { startNiaLogin } from '~/modules/nia/start-nia-login.server'

// GET /auth/nia/login?returnTo=/path: off to NIA with a signed AuthnRequest (HTTP-Redirect binding).
export async function loader({ request, context }: LoaderFunctionArgs) {
	const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'))
	const user = await getCurrentUser(request, context)
	if (user.actor.kind === 'citizen') return redirect(returnTo)
	try {
		const url = await startNiaLogin({ tenant: user.tenant, db: user.db, returnTo, isProduction: enforcesProductionRules(getEnv().NODE_ENV) })
		return redirect(url, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		if (error instanceof NiaLoginError) return redirect(failureUrl(failurePageFor(error.reason)))
		throw error
	}
}
