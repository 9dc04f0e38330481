import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requirePlatformHost } from '~/modules/platform-auth/require-vendor.server'
import { signOutVendor } from '~/modules/platform-auth/sign-in-vendor.server'

export function loader() {
	return redirect('/platform')
}

export async function action({ request, context }: ActionFunctionArgs) {
	requirePlatformHost(context)
	const cookie = await signOutVendor(request, context)
	return redirect('/platform/prihlaseni?hlaseni=logged-out', { headers: { 'Set-Cookie': cookie } })
}
