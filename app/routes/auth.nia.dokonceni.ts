import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { useSecureCookies } from '~/modules/auth/current-user.server'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { completeNiaLogin } from '~/modules/nia/complete-nia-login.server'
import { failureUrl } from '~/modules/nia/failure-url'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The second half of the ACS: NIA's answer, handed on by the ACS page from this origin (so the Origin
// check applies, and the browser sends the login-binding cookie). Checks the answer, that this browser
// started the login it answers, and starts the session.
export async function action({ request, context }: ActionFunctionArgs) {
	const tenant = requireTenant(context)
	const form = await request.formData()
	const samlResponse = form.get('SAMLResponse')
	const result = await completeNiaLogin({
		db: getTenantDb(tenant),
		tenant,
		secure: useSecureCookies(),
		request,
		samlResponse: typeof samlResponse === 'string' ? samlResponse : null,
		requestId: context.portal.requestId,
		ip: context.portal.clientIp ?? null,
	})
	if (!result.ok) return redirect(failureUrl(result.page, { actual: result.details.loa, minimum: result.details.minimum }), 303)
	const headers = new Headers({ 'Cache-Control': 'no-store' })
	headers.append('Set-Cookie', result.setCookie)
	headers.append('Set-Cookie', result.releaseBinding)
	return redirect(result.returnTo, { status: 303, headers })
}

export function loader() {
	return redirect('/')
}
