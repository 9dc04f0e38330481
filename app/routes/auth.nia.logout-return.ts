import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { LOGGED_OUT_PAGE } from '~/modules/nia/sp-endpoints'

// The address registered at NIA as "Adresa pro přesměrování uživatele po odhlášení": NIA's page posts
// its LogoutResponse here (HTTP-POST binding; exempt from the Origin check in server/create-app.ts, and a
// resource route because Remix refuses cross-site POSTs to page routes). The response is unsigned and
// only means "processed" (reference §1.7), so it changes nothing: the local session ended before the
// citizen left for NIA. Post/redirect/get to the page that says so.
export async function action({ request }: ActionFunctionArgs) {
	const form = await request.formData()
	const isAccountClosed = form.get('RelayState') === 'account-closed'
	return redirect(isAccountClosed ? `${LOGGED_OUT_PAGE}?ucet=zrusen` : LOGGED_OUT_PAGE, 303)
}

export function loader() {
	return redirect(LOGGED_OUT_PAGE)
}
