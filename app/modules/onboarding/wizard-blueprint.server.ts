// Turns the wizard's draft into a blueprint: the same object a blueprint.yaml holds, checked by the
// same BlueprintSchema and the same theme check as `tenant apply` (load-blueprint.server.ts), and the
// folder (blueprint.yaml + coat of arms) offered as a zip.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import { AppError, isAppError } from '../errors/app-error'
import { type Rulebook } from '../fees/rulebook-schema'
import { BLUEPRINT_FILE, type LoadedBlueprint } from '../tenancy/load-blueprint.server'
import { BlueprintSchema } from '../tenancy/blueprint-schema'
import { requireReadableTheme } from '../theming/presets.server'
import { singleton } from '../util/singleton.server'
import type { WizardDraft } from './wizard-steps'

/** Where the library of standard forms comes from: the forms of the reference town's blueprint. */
const FORM_LIBRARY_BLUEPRINT = path.join('tenants', 'veseli-nad-moravou', BLUEPRINT_FILE)

type RawForm = { code: string; agenda: string; title: Record<string, string> } & Record<string, unknown>
type RawAgenda = { code: string; name: Record<string, string> }

const library = singleton('onboarding-form-library', () => {
	try {
		const raw = parseYaml(readFileSync(path.join(process.cwd(), FORM_LIBRARY_BLUEPRINT), 'utf8')) as { forms?: RawForm[]; submissionAgendas?: RawAgenda[] }
		return { forms: raw.forms ?? [], agendas: raw.submissionAgendas ?? [] }
	} catch {
		return { forms: [] as RawForm[], agendas: [] as RawAgenda[] }
	}
})

/** The standard forms a new town may start with (code and title). */
export function listFormLibrary() {
	return library.forms.map((form) => ({ code: form.code, title: form.title }))
}

const YEAR = new Date().getFullYear()
const rates = (amount: number) => ({ [String(YEAR)]: amount, [String(YEAR + 1)]: amount })

/** The starting rulebook: the waste fee (with or without the e-payment discount) and the dog fee. */
export function feeTemplate(waste: 'none' | 'waste' | 'waste-discount', dog: boolean): Rulebook | undefined {
	const feeTypes: Record<string, unknown>[] = []
	if (waste !== 'none') {
		feeTypes.push({
			code: 'waste',
			kind: 'waste',
			names: { cs: 'Poplatek za obecní systém odpadového hospodářství', en: 'Municipal waste fee', uk: 'Збір за систему поводження з відходами' },
			rates: rates(720),
			cap: 1200,
			reliefs: [{ kind: 'age_under', code: 'child_under_6', under: 6, percent: 100 }],
			instalments: [{ dueDate: '05-31', percent: 100 }],
		})
	}
	if (dog) {
		feeTypes.push({
			code: 'dog',
			kind: 'dog',
			names: { cs: 'Poplatek ze psů', en: 'Dog fee', uk: 'Збір за собак' },
			rates: rates(600),
			furtherDogRates: rates(900),
			cap: 1500,
			instalments: [{ dueDate: '03-31', percent: 100 }],
		})
	}
	if (!feeTypes.length) return undefined
	return {
		feeTypes,
		...(waste === 'waste-discount' ? { discount: { percent: 20, feeTypes: ['waste'], condition: 'portal_payment_by_due_date' } } : {}),
		reminders: { daysBefore: [14, 3], daysAfter: [7, 30] },
	} as unknown as Rulebook
}

/** The blueprint as it would be written in blueprint.yaml (no defaults filled in). */
export function draftToRawBlueprint(draft: WizardDraft): Record<string, unknown> {
	const { identity, hosts, look, setup, nia } = draft
	if (!identity || !hosts || !look || !setup || !nia) throw new AppError('input_invalid', 'The wizard is not finished')
	const chosen = library.forms.filter((form) => setup.forms.includes(form.code))
	const agendaCodes = new Set(chosen.map((form) => form.agenda))
	const fees = feeTemplate(setup.waste, setup.dog)
	const overrides = Object.fromEntries(Object.entries(look.theme.overrides).filter(([, value]) => value !== undefined))
	return {
		slug: identity.slug,
		name: identity.name,
		type: identity.type,
		hosts: [hosts.primary, ...(hosts.secondary ? [hosts.secondary] : [])],
		locales: setup.locales,
		theme: { preset: look.theme.preset, overrides },
		...(look.logo ? { logo: look.logo.file } : {}),
		contact: identity.contact,
		payments: { iban: setup.payments.iban },
		...(fees ? { fees } : {}),
		submissionAgendas: library.agendas.filter((agenda) => agendaCodes.has(agenda.code)),
		forms: chosen,
		gateways: {},
		nia: {
			spIssuer: nia.nia.spIssuer,
			minimumLoa: nia.nia.minimumLoa,
			...(nia.nia.idpMetadataUrl ? { idpMetadataUrl: nia.nia.idpMetadataUrl } : {}),
			municipalityCode: identity.municipalityCode,
		},
	}
}

/**
 * The draft as the blueprint `tenant apply` would load: the whole BlueprintSchema and the theme's
 * contrast check, every problem listed (AppError blueprint_invalid, nothing applied).
 */
export function draftToBlueprint(draft: WizardDraft): LoadedBlueprint {
	const raw = draftToRawBlueprint(draft)
	const parsed = BlueprintSchema.safeParse(raw)
	const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
	if (parsed.success) {
		try {
			requireReadableTheme(parsed.data.theme.preset, parsed.data.theme.overrides)
		} catch (error) {
			if (!isAppError(error)) throw error
			problems.push(...[error.message.split('\n')[0], ...error.details].map((line) => `theme: ${line}`))
		}
	}
	if (!parsed.success || problems.length) throw new AppError('blueprint_invalid', 'The blueprint has problems; nothing was applied:', problems)
	const logo = draft.look?.logo
	return { ...parsed.data, ...(logo ? { logoFile: { bytes: Buffer.from(logo.base64, 'base64'), type: logo.type } } : {}) }
}

/** The blueprint folder as a zip: <slug>/blueprint.yaml and the coat of arms beside it. */
export function blueprintZip(draft: WizardDraft): { fileName: string; bytes: Uint8Array } {
	const raw = draftToRawBlueprint(draft)
	const slug = String(raw.slug)
	const yaml = `# Written by the onboarding wizard of the vendor console. Apply with:\n#   npm run cli -- tenant apply tenants/${slug}\n${stringifyYaml(raw, { lineWidth: 0 })}`
	const files: Record<string, Uint8Array> = { [`${slug}/${BLUEPRINT_FILE}`]: strToU8(yaml) }
	const logo = draft.look?.logo
	if (logo) files[`${slug}/${logo.file}`] = new Uint8Array(Buffer.from(logo.base64, 'base64'))
	return { fileName: `${slug}-blueprint.zip`, bytes: zipSync(files, { level: 6 }) }
}

/**
 * The draft's blueprint as a zip download, or the problems that keep it from being one. Served by the
 * resource route /platform/obce/nova/blueprint: a UI route cannot answer a document POST with a file
 * (Remix reads a returned Response's body as the page's action data).
 */
export function blueprintDownload(draft: WizardDraft): { ok: true; response: Response } | { ok: false; problems: string[] } {
	try {
		draftToBlueprint(draft)
	} catch (error) {
		if (!isAppError(error, 'blueprint_invalid') && !isAppError(error, 'input_invalid')) throw error
		return { ok: false, problems: [...error.details] }
	}
	const zip = blueprintZip(draft)
	return {
		ok: true,
		response: new Response(Buffer.from(zip.bytes), {
			headers: {
				'Content-Type': 'application/zip',
				'Content-Disposition': `attachment; filename="${zip.fileName}"`,
				'Cache-Control': 'no-store',
				'X-Content-Type-Options': 'nosniff',
			},
		}),
	}
}
