import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { signOutStaffEverywhere } from '~/modules/staff/sign-out-staff.server'

export function loader() {
	return redirect('/urad')
}

export async function action({ request, context }: ActionFunctionArgs) {
	const { me } = await requireOfficeStaff(request, context)
	const cookie = await signOutStaffEverywhere(request, context, me.id)
	return redirect('/urad/prihlaseni?hlaseni=logged-out-everywhere', { headers: { 'Set-Cookie': cookie } })
}
