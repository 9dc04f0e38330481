import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getCitizenTexts } from '~/modules/citizen/citizen-texts.server'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { pickText } from '~/modules/i18n/locales'
import { isPlausibleSamlResponse, refuseNiaLogin } from '~/modules/nia/complete-nia-login.server'
import { failureUrl } from '~/modules/nia/failure-url'
import { NiaLoginError } from '~/modules/nia/nia-login-error'
import { renderHandoverPage } from '~/modules/nia/render-handover-page.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// NIA's answer, posted by the citizen's browser from NIA's page (HTTP-POST binding; exempt from the
// Origin check in server/create-app.ts). That POST is cross-site, so the browser withholds our
// SameSite=Lax cookies, among them the one that ties the login to the browser that started it: the
// answer is handed on, unread, to /auth/nia/dokonceni by a page of this origin (decision 005).
export async function action({ request, context }: ActionFunctionArgs) {
	const tenant = requireTenant(context)
	const samlResponse = (await request.formData()).get('SAMLResponse')
	if (!isPlausibleSamlResponse(samlResponse)) {
		const error = new NiaLoginError('malformed', 'no SAMLResponse in the form, not base64, or far too large')
		const refused = await refuseNiaLogin({ db: getTenantDb(tenant), error, ip: context.portal.clientIp ?? null, requestId: context.portal.requestId })
		return redirect(failureUrl(refused.page), 303)
	}
	const { locale, profile, texts } = await getCitizenTexts(request, context)
	const html = renderHandoverPage({
		locale,
		texts: texts.loginHandover,
		townName: pickText(profile.name, locale),
		nonce: context.portal.cspNonce,
		samlResponse,
	})
	return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } })
}

export function loader() {
	return redirect('/')
}
