import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

/** The contract PDF of an application the clerk may work on, or null (absent and "not yours" alike). */
export async function findContractPdf({ db, ability, applicationId }: { db: TenantDb; ability: AppAbility; applicationId: string }) {
	return db.grantContract.findFirst({
		where: { applicationId, application: { AND: [accessibleWhere(ability, 'update', 'GrantApplication')] } },
		select: { number: true, pdf: true },
	})
}
