import { data, redirect, type AppLoadContext } from '@remix-run/node'
import { safeReturnTo, useSecureCookies } from '../auth/current-user.server'
import { getPlatformDb } from '../db/platform-db.server'
import { getVendorSession } from './vendor-session.server'

export const VENDOR_LOGIN = '/platform/prihlaseni'
export const VENDOR_VERIFY = '/platform/overeni'

/** Only on the platform host; a town host never reaches vendor pages (it answers 404 before Remix, too). */
export function requirePlatformHost(context: AppLoadContext) {
	if (context.portal?.kind !== 'platform') throw data(null, { status: 404 })
}

export function vendorSessionOptions() {
	return { db: getPlatformDb(), secure: useSecureCookies() }
}

/** The vendor session of this request (finished or waiting for the TOTP code) with its account, or null. */
export async function getVendorUser(request: Request, context: AppLoadContext) {
	requirePlatformHost(context)
	const options = vendorSessionOptions()
	const session = await getVendorSession(options, request)
	if (!session) return null
	const vendor = await options.db.vendorStaff.findUnique({
		where: { id: session.vendorStaffId },
		select: { id: true, name: true, email: true, disabledAt: true, totpEnabledAt: true },
	})
	if (!vendor || vendor.disabledAt) return null
	return { session, vendor, isComplete: session.secondFactorDone && Boolean(vendor.totpEnabledAt) }
}

/** Signed-in vendor staff (TOTP done), or a redirect to the sign-in (or its TOTP step). */
export async function requireVendor(request: Request, context: AppLoadContext) {
	const user = await getVendorUser(request, context)
	if (user?.isComplete) return user
	if (user) throw redirect(VENDOR_VERIFY)
	const url = new URL(request.url)
	throw redirect(`${VENDOR_LOGIN}?zpet=${encodeURIComponent(safeReturnTo(url.pathname + url.search))}`)
}
