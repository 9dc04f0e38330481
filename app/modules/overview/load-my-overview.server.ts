import type { AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { loadClaimsArea, splitClaims } from './load-claims-area.server'
import { loadQrPaymentsArea } from './load-qr-payments-area.server'
import { loadRepresentedArea } from './load-represented-area.server'
import { loadSubmissionsArea } from './load-submissions-area.server'

/**
 * Everything "Můj přehled" shows, every area loaded at once (one round of queries each). Messages,
 * notifications and grant applications have no tables yet; each becomes one more loader here.
 */
export async function loadMyOverview({ db, ability, personId, now = new Date() }: { db: TenantDb; ability: AppAbility; personId: string; now?: Date }) {
	const context = { db, ability, personId, now }
	const [represented, claims, qrPayments, submissions] = await Promise.all([loadRepresentedArea(context), loadClaimsArea(context), loadQrPaymentsArea(context), loadSubmissionsArea(context)])
	return { money: { ...splitClaims(claims.claims, new Set(represented.map((r) => r.residentId))), isPartial: claims.isPartial }, qrPayments, submissions, represented }
}
