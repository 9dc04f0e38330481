import { z } from 'zod'

// tenants/<slug>/residents.yaml: the town's register of residents, households and fee obligations
// (decision 007, "reference data"), applied by `tenant apply` next to the blueprint. Every row carries
// the town system's external id, so applying the file again updates rows instead of adding them.

const ExternalIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'must be an external id: a-z, 0-9 and hyphens')
const DateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
	.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'must be a real date')

export const ObligationEntrySchema = z
	.object({
		id: ExternalIdSchema,
		feeType: z.string().regex(/^[a-z][a-z0-9_-]{0,30}$/, 'must be a fee type code from the fee rules'),
		validFrom: DateSchema,
		validTo: DateSchema.optional(),
		/** A dog: name, chip, breed; a custom fee: amount. */
		attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
	})
	.strict()

export const ResidentEntrySchema = z
	.object({
		id: ExternalIdSchema,
		givenName: z.string().trim().min(1).max(100),
		familyName: z.string().trim().min(1).max(100),
		dateOfBirth: DateSchema,
		disability: z.enum(['none', 'ztp', 'ztpp']).default('none'),
		/**
		 * The NIA pseudonym (PersonIdentifier) of this resident's portal account, only for a resident who
		 * represents someone: the representation needs an account to point at before the first login.
		 */
		account: z
			.string()
			.regex(/^[A-Z]{2}\/[A-Z]{2}\/[\w-]{8,64}$/, 'must be a NIA PersonIdentifier such as CZ/CZ/<uuid>')
			.optional(),
		/** Residents (ids in this file) who represent this one, confirmed by the office (e.g. a parent). */
		representedBy: z.array(ExternalIdSchema).default([]),
		/** What the representation is, as the office records it (e.g. "zákonná zástupkyně (matka)"). */
		representationRelation: z.string().trim().min(1).max(100).optional(),
		obligations: z.array(ObligationEntrySchema).default([]),
	})
	.strict()

export const HouseholdEntrySchema = z
	.object({
		id: ExternalIdSchema,
		label: z.string().trim().min(1).max(200),
		address: z.string().trim().min(1).max(300).optional(),
		residents: z.array(ResidentEntrySchema).min(1),
	})
	.strict()

export const ResidentsFileSchema = z
	.object({ households: z.array(HouseholdEntrySchema).default([]) })
	.strict()
	.superRefine((file, ctx) => {
		const residents = file.households.flatMap((h) => h.residents)
		const ids = new Set<string>()
		for (const id of [...file.households.map((h) => h.id), ...residents.map((r) => r.id), ...residents.flatMap((r) => r.obligations.map((o) => o.id))]) {
			if (ids.has(id)) ctx.addIssue({ code: 'custom', path: ['households'], message: `duplicate id "${id}"` })
			ids.add(id)
		}
		const byId = new Map(residents.map((r) => [r.id, r]))
		for (const r of residents) {
			for (const rep of r.representedBy) {
				const representative = byId.get(rep)
				if (!representative) ctx.addIssue({ code: 'custom', path: ['households'], message: `${r.id}: representedBy names unknown resident "${rep}"` })
				else if (!representative.account)
					ctx.addIssue({ code: 'custom', path: ['households'], message: `${r.id}: representative "${rep}" needs an account (NIA PersonIdentifier)` })
			}
			for (const o of r.obligations) {
				if (o.validTo && o.validTo < o.validFrom) ctx.addIssue({ code: 'custom', path: ['households'], message: `${o.id}: validTo is before validFrom` })
			}
		}
	})

export type ResidentsFile = z.output<typeof ResidentsFileSchema>
