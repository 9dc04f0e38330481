import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { signOutStaff } from '~/modules/staff/sign-out-staff.server'

// POST only: a link or an image cannot sign anyone out.
export function loader() {
	return redirect('/urad')
}

export async function action({ request, context }: ActionFunctionArgs) {
	const cookie = await signOutStaff(request, context)
	return redirect('/urad/prihlaseni?hlaseni=logged-out', { headers: { 'Set-Cookie': cookie } })
}
