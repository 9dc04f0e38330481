import type { AppLoadContext } from '@remix-run/node'
import { getPlatformDb } from '../db/platform-db.server'
import { authenticateStaff } from '../staff/authenticate-staff.server'
import { platformLoginStore } from '../staff/login-store.server'
import { requestMeta } from '../staff/office-request.server'
import { verifySecondFactor } from '../staff/verify-second-factor.server'
import { getVendorUser, vendorSessionOptions } from './require-vendor.server'
import { createVendorSession, destroyVendorSession } from './vendor-session.server'

// Vendor staff sign in like town staff (same lockout, audit in platform_audit), and TOTP is
// mandatory for every one of them: an account without it cannot sign in at all (the CLI that
// creates vendor accounts always sets TOTP up).

export async function signInVendor({ request, context, email, password }: { request: Request; context: AppLoadContext; email: string; password: string }) {
	const result = await authenticateStaff({ store: platformLoginStore(getPlatformDb()), email, password, ...requestMeta(context), requiresTotp: () => true })
	if (!result.ok) return result
	if (result.next !== 'verify') return { ok: false as const, reason: 'no_totp' as const }
	const cookie = await createVendorSession(vendorSessionOptions(), request, {
		vendorStaffId: result.account.id,
		secondFactorDone: false,
		ip: requestMeta(context).ip,
	})
	return { ok: true as const, cookie }
}

export async function completeVendorSecondFactor({ request, context, code }: { request: Request; context: AppLoadContext; code: string }) {
	const pending = await getVendorUser(request, context)
	if (!pending || pending.isComplete) return { ok: false as const, reason: 'no_session' as const }
	const result = await verifySecondFactor({ store: platformLoginStore(getPlatformDb()), accountId: pending.vendor.id, code, ...requestMeta(context) })
	if (!result.ok) return result
	const cookie = await createVendorSession(vendorSessionOptions(), request, {
		vendorStaffId: pending.vendor.id,
		secondFactorDone: true,
		ip: requestMeta(context).ip,
	})
	return { ok: true as const, cookie }
}

export async function signOutVendor(request: Request, context: AppLoadContext) {
	const user = await getVendorUser(request, context)
	if (user) {
		await platformLoginStore(getPlatformDb()).audit({ action: 'auth.logout', outcome: 'ok', accountId: user.vendor.id, isActor: true, ...requestMeta(context) })
	}
	return destroyVendorSession(vendorSessionOptions(), request)
}
