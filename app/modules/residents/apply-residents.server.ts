import { isDeepStrictEqual } from 'node:util'
import type { TenantDb } from '../db/tenant-db.server'
import type { ResidentsFile } from './residents-file-schema'

const day = (d: string) => new Date(`${d}T00:00:00Z`)
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

/**
 * Writes residents.yaml into the town's register, keyed by external ids: a second run changes nothing
 * and reports nothing. Rows the file no longer lists are left alone (the office may have added them).
 * A representative with an account gets a person row keyed by the NIA pseudonym, so the
 * representation exists before their first login; their login then fills in the rest.
 */
export async function applyResidents({ db, file }: { db: TenantDb; file: ResidentsFile }): Promise<string[]> {
	const counts = { households: 0, residents: 0, obligations: 0, representations: 0 }
	await db.$transaction(async (tx) => {
		const residentIds = new Map<string, string>()
		for (const h of file.households) {
			const household = await tx.household.findUnique({ where: { externalId: h.id } })
			const householdData = { label: h.label, address: h.address ?? null }
			let householdId = household?.id
			if (!household) householdId = (await tx.household.create({ data: { externalId: h.id, ...householdData }, select: { id: true } })).id
			else if (household.label !== householdData.label || household.address !== householdData.address)
				await tx.household.update({ where: { id: household.id }, data: householdData })
			if (!household || household.label !== householdData.label || household.address !== householdData.address) counts.households++

			for (const r of h.residents) {
				const data = { givenName: r.givenName, familyName: r.familyName, dateOfBirth: day(r.dateOfBirth), householdId: householdId!, disability: r.disability }
				const existing = await tx.resident.findUnique({ where: { externalId: r.id } })
				let id: string
				if (!existing) {
					id = (await tx.resident.create({ data: { externalId: r.id, ...data }, select: { id: true } })).id
					counts.residents++
				} else {
					id = existing.id
					const same =
						existing.givenName === r.givenName &&
						existing.familyName === r.familyName &&
						iso(existing.dateOfBirth) === r.dateOfBirth &&
						existing.householdId === householdId &&
						existing.disability === r.disability
					if (!same) {
						await tx.resident.update({ where: { id }, data })
						counts.residents++
					}
				}
				residentIds.set(r.id, id)

				for (const o of r.obligations) {
					const obligationData = {
						residentId: id,
						feeType: o.feeType,
						validFrom: day(o.validFrom),
						validTo: o.validTo ? day(o.validTo) : null,
						attributes: o.attributes,
						source: 'blueprint' as const,
					}
					const current = await tx.obligation.findUnique({ where: { externalId: o.id } })
					if (!current) await tx.obligation.create({ data: { externalId: o.id, ...obligationData } })
					else if (
						current.residentId === id &&
						current.feeType === o.feeType &&
						iso(current.validFrom) === o.validFrom &&
						iso(current.validTo) === (o.validTo ?? null) &&
						isDeepStrictEqual(current.attributes, o.attributes)
					)
						continue
					else await tx.obligation.update({ where: { id: current.id }, data: obligationData })
					counts.obligations++
				}
			}
		}

		const residents = file.households.flatMap((h) => h.residents)
		const byExternalId = new Map(residents.map((r) => [r.id, r]))
		for (const r of residents) {
			for (const repId of r.representedBy) {
				const representative = byExternalId.get(repId)!
				const personIdentifier = representative.account!
				const person =
					(await tx.person.findUnique({ where: { personIdentifier }, select: { id: true } })) ??
					(await tx.person.create({
						data: {
							personIdentifier,
							givenName: representative.givenName,
							familyName: representative.familyName,
							dateOfBirth: day(representative.dateOfBirth),
						},
						select: { id: true },
					}))
				const residentId = residentIds.get(r.id)!
				const present = await tx.representation.findUnique({ where: { personId_residentId: { personId: person.id, residentId } }, select: { id: true } })
				if (present) continue
				await tx.representation.create({
					data: { personId: person.id, residentId, relation: r.representationRelation ?? null, confirmedAt: new Date(), confirmedBy: null },
				})
				counts.representations++
			}
		}
	})
	return Object.entries(counts)
		.filter(([, n]) => n > 0)
		.map(([what, n]) => `residents file: ${n} ${what}`)
}
