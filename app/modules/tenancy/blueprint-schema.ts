import { isValidIBAN, electronicFormatIBAN } from 'ibantools'
import { z } from 'zod'
import { RulebookSchema } from '../fees/rulebook-schema'
import { RecordsConnectorConfigSchema } from '../delivery/connector-config'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { LOCALES } from '../i18n/locales'
import { SecretRefSchema } from './secret-ref-schema'

const LocaleSchema = z.enum(LOCALES)
const LocalizedTextSchema = z.object({ cs: z.string().min(1), en: z.string().min(1).optional(), uk: z.string().min(1).optional() })
const HostSchema = z
	.string()
	.regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, 'must be a lower-case host name, e.g. veseli.localhost')
const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
export { SecretRefSchema }

export const TOWN_TYPES = ['obec', 'mesto', 'mestys', 'statutarni-mesto'] as const
export type TownType = (typeof TOWN_TYPES)[number]
export const TownTypeSchema = z.enum(TOWN_TYPES, { error: 'must be obec, mesto, mestys or statutarni-mesto' })

/**
 * Citizen login through NIA (docs/decisions/005-citizen-login-nia.md). ACS and logout URLs are derived from the
 * primary host; the IdP metadata comes from a URL (refreshed) or a file beside the blueprint; without
 * an SP key a key and self-signed certificate are generated once and kept.
 */
export const NiaBlueprintSchema = z
	.object({
		/** "Unikátní URL" of the SeP registration: the Issuer and Audience. It need not resolve. */
		spIssuer: z.url({ error: 'must be a URL, e.g. https://veseli.example/portal (the "unikátní URL" registered at NIA)' }),
		minimumLoa: z.enum(['substantial', 'high'], { error: 'must be substantial or high' }).default('substantial'),
		idpMetadataUrl: z.url({ error: 'must be the URL of the IdP metadata (FederationMetadata.xml)' }).optional(),
		idpMetadataXml: z
			.string()
			.regex(/^[\w.-]+\.xml$/, 'must be an .xml file name inside the blueprint folder')
			.optional(),
		municipalityCode: z.string().regex(/^\d{6}$/, 'must be the 6-digit RÚIAN municipality code (kód obce), e.g. 586846'),
		sessionIdleMinutes: z.number().int().min(5).max(240).optional(),
		spKey: SecretRefSchema.optional(),
		spCertificate: z
			.string()
			.regex(/^[\w.-]+\.(pem|crt|cer)$/, 'must be a .pem/.crt file name inside the blueprint folder')
			.optional(),
	})
	.strict()
	.refine((nia) => !(nia.idpMetadataUrl && nia.idpMetadataXml), { message: 'give idpMetadataUrl or idpMetadataXml, not both', path: ['idpMetadataXml'] })
	.refine((nia) => Boolean(nia.spKey) === Boolean(nia.spCertificate), {
		message: 'spKey and spCertificate go together (or leave both out to have a key generated)',
		path: ['spCertificate'],
	})

export const ThemeOverridesSchema = z
	.object({
		'color-primary': ColorSchema,
		'color-primary-contrast': ColorSchema,
		'color-bg': ColorSchema,
		'color-surface': ColorSchema,
		'color-text': ColorSchema,
		'color-muted': ColorSchema,
		'color-link': ColorSchema,
		'color-focus': ColorSchema,
		radius: z.string().regex(/^\d+(\.\d+)?(rem|px)$/, 'must be a length such as 0.5rem'),
		'font-sans': z.string().regex(/^[\w\s,"'-]+$/, 'must be a font-family list'),
	})
	.partial()
	.strict()

export const BlueprintSchema = z
	.object({
		slug: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be 2-41 characters: a-z, 0-9 and hyphens, starting with a letter'),
		name: LocalizedTextSchema,
		/** The kind of municipality; the portal's wording follows it ("platby obci" / "platby městu"). */
		type: TownTypeSchema.default('obec'),
		hosts: z.array(HostSchema).min(1, 'needs at least one host; the first is the primary'),
		locales: z.object({ default: LocaleSchema, enabled: z.array(LocaleSchema).min(1) }).refine((l) => l.enabled.includes(l.default), {
			message: 'the default locale must be one of the enabled ones',
			path: ['default'],
			// Zod skips a refinement once the object has any issue; an unknown locale elsewhere in
			// `enabled` must not hide this one.
			when: ({ value }) =>
				LocaleSchema.safeParse((value as { default?: unknown })?.default).success && Array.isArray((value as { enabled?: unknown })?.enabled),
		}),
		theme: z.object({ preset: z.string().regex(/^[a-z0-9-]+$/), overrides: ThemeOverridesSchema.default({}) }),
		logo: z
			.string()
			.regex(/^[\w.-]+\.(svg|png)$/, 'must be an .svg or .png file name inside the blueprint folder')
			.optional(),
		intro: LocalizedTextSchema.optional(),
		contact: z
			.object({
				address: z.string().min(1),
				email: z.email(),
				phone: z.string().regex(/^\+?[\d ]{9,16}$/, 'must be a phone number such as +420 518 670 111'),
				web: z.url().optional(),
				dataBox: z
					.string()
					.regex(/^[a-z0-9]{7}$/, 'must be a 7-character data box id (ID datové schránky)')
					.optional(),
				/** The town's IČO: the publisher of its open data and the operator (provozovatel) of its official board. */
				ico: z
					.string()
					.regex(/^\d{8}$/, 'must be the 8-digit IČO, e.g. 00285340')
					.optional(),
				officeHours: LocalizedTextSchema.optional(),
			})
			.strict(),
		payments: z
			.object({
				iban: z
					.string()
					.transform((value) => electronicFormatIBAN(value) ?? value)
					.refine((value) => isValidIBAN(value) && value.startsWith('CZ'), 'must be a valid Czech IBAN (CZ…)'),
			})
			.strict(),
		// Filled by later issues; kept as data now so a blueprint can already carry them.
		/** The fee rulebook (app/modules/fees/rulebook-schema.ts); each change becomes a new rule version. */
		fees: RulebookSchema.optional(),
		/** Clerk groups that receive submissions (decision 008); every form names one. */
		submissionAgendas: z
			.array(z.object({ code: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be a-z, 0-9 and hyphens'), name: LocalizedTextSchema }).strict())
			.default([]),
		forms: z.array(FormDefinitionSchema).default([]),
		gateways: z.record(z.string(), z.record(z.string(), SecretRefSchema)).default({}),
		nia: NiaBlueprintSchema.optional(),
		/** Where submissions are filed (spisová služba); without it they wait in the outbox. */
		records: RecordsConnectorConfigSchema.optional(),
	})
	.strict()
	.superRefine((blueprint, ctx) => {
		const agendas = new Set(blueprint.submissionAgendas.map((agenda) => agenda.code))
		const codes = new Set<string>()
		blueprint.forms.forEach((form, index) => {
			if (codes.has(form.code)) ctx.addIssue({ code: 'custom', path: ['forms', index, 'code'], message: `duplicate form code "${form.code}"` })
			codes.add(form.code)
			if (!agendas.has(form.agenda)) {
				ctx.addIssue({ code: 'custom', path: ['forms', index, 'agenda'], message: `agenda "${form.agenda}" is not listed in submissionAgendas` })
			}
		})
	})

export type Blueprint = z.infer<typeof BlueprintSchema>
export type ThemeOverrides = z.infer<typeof ThemeOverridesSchema>
export type NiaBlueprint = z.infer<typeof NiaBlueprintSchema>
