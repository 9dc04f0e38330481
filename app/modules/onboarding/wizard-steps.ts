// The onboarding wizard's six steps (issue 18, decision 024). Every field is checked by the part of
// BlueprintSchema that holds it (one source of truth): a step's schema is assembled from
// BlueprintSchema.shape, never written again. A few wizard-only fields (the IČO being required,
// templates, the first admin) are added beside them.
import { z } from 'zod'
import { isValidIco, normalizeIco } from '../ares/ico'
import { BlueprintSchema, NiaBlueprintSchema, ThemeOverridesSchema } from '../tenancy/blueprint-schema'

export const WIZARD_STEPS = ['identity', 'hosts', 'look', 'setup', 'nia', 'admin'] as const
export type WizardStep = (typeof WIZARD_STEPS)[number]

const B = BlueprintSchema.shape
const HostSchema = B.hosts.element

/** An office-hours field left empty arrives as { cs: undefined }: no office hours, not a missing text. */
function dropEmptyOfficeHours(input: unknown) {
	const contact = (input as { contact?: { officeHours?: { cs?: unknown } } } | null)?.contact
	if (contact?.officeHours && !contact.officeHours.cs) delete contact.officeHours
	return input
}

export const IdentityStepSchema = z.preprocess(
	dropEmptyOfficeHours,
	z
		.object({
			slug: B.slug,
			name: B.name,
			type: B.type,
			municipalityCode: NiaBlueprintSchema.shape.municipalityCode,
			// The wizard asks for the IČO (the blueprint may leave it out): it is checked with ARES.
			contact: B.contact.required({ ico: true }),
		})
		.superRefine((step, ctx) => {
			if (!isValidIco(step.contact.ico)) ctx.addIssue({ code: 'custom', path: ['contact', 'ico'], message: 'the check digit of this IČO is wrong' })
		})
		.transform((step) => ({ ...step, contact: { ...step.contact, ico: normalizeIco(step.contact.ico) ?? step.contact.ico } })),
)

export const HostsStepSchema = z
	.object({ primary: HostSchema, secondary: HostSchema.optional() })
	.refine((hosts) => hosts.primary !== hosts.secondary, { message: 'the secondary host must differ from the primary', path: ['secondary'] })

export const LookStepSchema = z.object({
	theme: z.object({ preset: B.theme.shape.preset, overrides: ThemeOverridesSchema.default({}) }),
})

export const WASTE_TEMPLATES = ['none', 'waste', 'waste-discount'] as const
export const SetupStepSchema = z.object({
	locales: B.locales,
	payments: B.payments,
	waste: z.enum(WASTE_TEMPLATES).default('none'),
	dog: z.boolean().default(false),
	forms: z.array(z.string().regex(/^[a-z][a-z0-9-]{1,60}$/)).default([]),
})

export const NiaStepSchema = z.object({
	nia: z.object({
		spIssuer: NiaBlueprintSchema.shape.spIssuer,
		minimumLoa: NiaBlueprintSchema.shape.minimumLoa,
		idpMetadataUrl: NiaBlueprintSchema.shape.idpMetadataUrl,
	}),
})

export const AdminStepSchema = z.object({
	admin: z.object({
		email: z
			.email()
			.max(254)
			.transform((email) => email.trim().toLowerCase()),
		name: z.string().trim().min(1).max(200),
	}),
})

export const STEP_SCHEMAS = {
	identity: IdentityStepSchema,
	hosts: HostsStepSchema,
	look: LookStepSchema,
	setup: SetupStepSchema,
	nia: NiaStepSchema,
	admin: AdminStepSchema,
} as const

export type LogoDraft = { file: string; type: 'image/svg+xml' | 'image/png'; base64: string }

/** What the wizard has gathered so far; kept between steps in a signed hidden field (nothing is stored). */
export type WizardDraft = {
	identity?: z.output<typeof IdentityStepSchema>
	hosts?: z.output<typeof HostsStepSchema>
	look?: z.output<typeof LookStepSchema> & { logo?: LogoDraft }
	setup?: z.output<typeof SetupStepSchema>
	nia?: z.output<typeof NiaStepSchema>
	admin?: z.output<typeof AdminStepSchema>
}

/** The first step not yet done (the wizard never skips one). */
export function nextOpenStep(draft: WizardDraft): WizardStep {
	return WIZARD_STEPS.find((step) => !draft[step]) ?? 'admin'
}
