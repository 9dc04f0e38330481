// The settings a blueprint holds, in the groups the console edits them in (issue 18, settings round
// trip). Every field is checked by the part of BlueprintSchema that holds it (one source of truth, as
// the onboarding wizard does); after the edit the whole blueprint is checked again before it is applied.
import { z } from 'zod'
import { isValidIco } from '../ares/ico'
import { BlueprintSchema, NiaBlueprintSchema } from '../tenancy/blueprint-schema'

export const SETTINGS_GROUPS = ['identity', 'contact', 'languages', 'look', 'payments', 'hosts', 'nia', 'agendas'] as const
export type SettingsGroup = (typeof SETTINGS_GROUPS)[number]
export const SettingsGroupSchema = z.enum(SETTINGS_GROUPS)

/** The blueprint keys each group owns: the audit compares these before and after. */
export const GROUP_KEYS: Record<SettingsGroup, readonly string[]> = {
	identity: ['name', 'type', 'intro'],
	contact: ['contact'],
	languages: ['locales'],
	look: ['theme', 'logo'],
	payments: ['payments'],
	hosts: ['hosts'],
	nia: ['nia'],
	agendas: ['submissionAgendas'],
}

export const COLOUR_TOKENS = [
	'color-primary',
	'color-primary-contrast',
	'color-bg',
	'color-surface',
	'color-text',
	'color-muted',
	'color-link',
	'color-focus',
] as const

const B = BlueprintSchema.shape
const N = NiaBlueprintSchema.shape

type Loose = Record<string, unknown> | undefined | null
const isBlank = (value: unknown) => value === undefined || value === null || value === ''

/** A localized text left wholly empty is "none", not a text missing its Czech version. */
function dropEmptyText(holder: Loose, key: string) {
	const text = holder?.[key] as Loose
	if (holder && text && typeof text === 'object' && Object.values(text).every(isBlank)) delete holder[key]
}

const IdentitySchema = z.preprocess(
	(input) => {
		dropEmptyText(input as Loose, 'intro')
		return input
	},
	z.object({ name: B.name, type: B.type, intro: B.intro }),
)

const ContactSchema = z.preprocess(
	(input) => {
		dropEmptyText((input as Loose)?.contact as Loose, 'officeHours')
		return input
	},
	z
		.object({ contact: B.contact })
		.refine((value) => !value.contact.ico || isValidIco(value.contact.ico), { message: 'the check digit of this IČO is wrong', path: ['contact', 'ico'] }),
)

const LookSchema = z.object({
	theme: z.object({
		preset: B.theme.shape.preset,
		overrides: z.object(Object.fromEntries(COLOUR_TOKENS.map((token) => [token, B.theme.shape.overrides.unwrap().shape[token]]))).default({}),
	}),
	removeLogo: z.boolean().default(false),
})

const HostsSchema = z.preprocess(
	(input) => {
		const hosts = (input as Loose)?.hosts
		if (Array.isArray(hosts)) (input as Record<string, unknown>).hosts = hosts.filter((host) => !isBlank(host))
		return input
	},
	z
		.object({ hosts: z.array(B.hosts.element).default([]).pipe(B.hosts) })
		.refine((value) => new Set(value.hosts).size === value.hosts.length, { message: 'each host once', path: ['hosts'] }),
)

const NiaSchema = z.object({
	nia: z.object({
		spIssuer: N.spIssuer,
		minimumLoa: N.minimumLoa,
		idpMetadataUrl: N.idpMetadataUrl,
		municipalityCode: N.municipalityCode,
		sessionIdleMinutes: N.sessionIdleMinutes,
	}),
})

const AgendasSchema = z.preprocess(
	(input) => {
		const rows = (input as Loose)?.submissionAgendas
		if (Array.isArray(rows)) {
			;(input as Record<string, unknown>).submissionAgendas = rows.filter((row: Loose) => {
				dropEmptyText(row, 'name')
				return row && (!isBlank(row.code) || row.name)
			})
		}
		return input
	},
	z
		.object({ submissionAgendas: B.submissionAgendas })
		.refine((value) => new Set(value.submissionAgendas.map((agenda) => agenda.code)).size === value.submissionAgendas.length, {
			message: 'each agenda code once',
			path: ['submissionAgendas'],
		}),
)

/** The form schema of each group (what parseWithZod reads from the page). */
export const GROUP_SCHEMAS = {
	identity: IdentitySchema,
	contact: ContactSchema,
	languages: z.object({ locales: B.locales }),
	look: LookSchema,
	payments: z.object({ payments: B.payments }),
	hosts: HostsSchema,
	nia: NiaSchema,
	agendas: AgendasSchema,
} as const satisfies Record<SettingsGroup, z.ZodType>

export type GroupValue<G extends SettingsGroup> = z.output<(typeof GROUP_SCHEMAS)[G]>
