import type { TenantDb } from '../db/tenant-db.server'
import { PUBLICATION_THRESHOLD } from './contract.server'

/** Signed contracts above the registr smluv threshold (zákon 340/2015) not yet published, oldest first, with the town's IČO. */
export async function listContractsToPublish({ db }: { db: TenantDb }) {
	const townSettings = await db.townSettings.findUniqueOrThrow({ where: { id: 1 }, select: { contact: true } })
	const contracts = await db.grantContract.findMany({
		where: { signedOn: { not: null }, amount: { gt: PUBLICATION_THRESHOLD }, registrSmluvPublishedOn: null },
		orderBy: { signedOn: 'asc' },
		take: 1000,
		select: {
			number: true,
			amount: true,
			signedOn: true,
			application: { select: { applicantName: true, applicantIco: true, applicantKind: true, municipality: true, purpose: true } },
		},
	})
	return { townIco: ((townSettings.contact ?? {}) as { ico?: string }).ico ?? '', contracts }
}
