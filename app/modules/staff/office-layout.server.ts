import type { AppLoadContext } from '@remix-run/node'
import { getIdleCountdown } from '../auth/get-idle-countdown.server'
import { requireTownProfile } from '../tenancy/require-town.server'
import { getStaffSession } from './require-office-staff.server'

/**
 * What the office layout shows around every page: who is signed in, what they may open, and how
 * long until the session ends for inactivity (for the warning). Nothing for a page before sign-in.
 */
export async function getOfficeLayout(request: Request, context: AppLoadContext) {
	const staffSession = await getStaffSession(request, context)
	if (!staffSession?.isComplete) return { staff: null }
	const { session, ability, me } = staffSession
	const profile = await requireTownProfile(context)
	return {
		staff: {
			name: me.name,
			canReadStaff: ability.can('read', 'StaffUser'),
			canReadAudit: ability.can('read', 'AuditLog'),
			canReadSubmissions: ability.can('read', 'Submission'),
			canReadMessages: ability.can('read', 'MessageThread'),
			canManageForms: ability.can('manage', 'Form'),
			canReadFeeRules: ability.can('read', 'FeeRuleVersion'),
			canReadClaims: ability.can('read', 'Claim'),
			canReadBank: ability.can('read', 'BankMovement'),
			canReadPayments: ability.can('read', 'Payment'),
			canManageGateways: ability.can('update', 'TownSettings'),
			canManageBoard: ability.can('manage', 'BoardDocument'),
			canReadStatistics: ability.can('read', 'StatisticMonth'),
			// An evaluator can read (only) the applications assigned to them.
			canReadGrants: ability.can('read', 'GrantApplication'),
			...getIdleCountdown({ session, idleMinutes: profile.sessionIdleMinutes }),
		},
	}
}
