import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { useSecureCookies } from '~/modules/auth/current-user.server'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { completeNiaLogin } from '~/modules/nia/complete-nia-login.server'
import { failureUrl } from '~/modules/nia/failure-url'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// NIA's answer, posted by the citizen's browser from NIA's page (HTTP-POST binding; exempt from the
// Origin check in server/create-app.ts: the signature is what is checked).
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
	return redirect(result.returnTo, { status: 303, headers: { 'Set-Cookie': result.setCookie, 'Cache-Control': 'no-store' } })
}

export function loader() {
	return redirect('/')
}
