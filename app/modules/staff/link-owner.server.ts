import type { AppLoadContext } from '@remix-run/node'
import { getTenantDb } from '../db/tenant-db.server'
import { requireTenant } from '../tenancy/require-town.server'
import { findStaffToken, type StaffTokenKind } from './staff-token.server'

/** The account behind an invitation or reset link of this town, or null (invalid, used or expired). */
export async function findLinkOwner(context: AppLoadContext, token: string | undefined, kind: StaffTokenKind) {
	const db = getTenantDb(requireTenant(context))
	const owner = token ? await findStaffToken({ db, token, kind }) : null
	return owner ? { db, owner } : null
}
