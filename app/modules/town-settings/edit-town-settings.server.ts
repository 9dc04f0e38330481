// One group of a town's settings edited from the console (issue 18, settings round trip). The edit
// goes the way of a blueprint: the town's current state is exported (export-blueprint.server.ts), the
// group is replaced, the whole blueprint is checked as `tenant apply` checks it, and applyBlueprint
// writes it (the same code path, so an exported blueprint re-applies with "no changes"). Each changed
// setting is audited with its old and new value, in platform_audit (the vendor's page) and in the
// town's own audit log (its admins see who changed what).
import { createHash } from 'node:crypto'
import type { Prisma } from '../../generated/tenant/client'
import { recordAudit } from '../audit/record-audit.server'
import { getPlatformDb } from '../db/platform-db.server'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { isAppError } from '../errors/app-error'
import { applyBlueprint } from '../tenancy/apply-blueprint.server'
import { BlueprintSchema } from '../tenancy/blueprint-schema'
import { exportBlueprint, EXPORTED_IDP_METADATA_FILE } from '../tenancy/export-blueprint.server'
import type { LoadedBlueprint } from '../tenancy/load-blueprint.server'
import { resolveTheme } from '../theming/presets.server'
import { findContrastFailures, type ContrastFailure } from '../theming/tokens'
import { changedSettings, type SettingChange } from './setting-changes'
import { COLOUR_TOKENS, GROUP_KEYS, type GroupValue, type SettingsGroup } from './settings-groups'

export type NewLogo = { type: 'image/svg+xml' | 'image/png'; bytes: Buffer }

export type EditResult =
	{ ok: true; changes: SettingChange[] } | { ok: false; fieldErrors: Record<string, string[]>; contrast: ContrastFailure[]; problems: string[]; stale?: true }

type Raw = Record<string, unknown>
const LOGO_FILES = { 'image/svg+xml': 'coat-of-arms.svg', 'image/png': 'coat-of-arms.png' } as const

/** A field's name as the form writes it: nia.spIssuer, hosts[1], submissionAgendas[0].name.cs. */
export function fieldName(path: readonly PropertyKey[]) {
	return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index ? `.${String(key)}` : String(key))).join('')
}

const defined = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

function applyGroup(group: SettingsGroup, value: GroupValue<SettingsGroup>, raw: Raw, files: Record<string, Buffer>, logo?: NewLogo) {
	switch (group) {
		case 'identity': {
			const identity = value as GroupValue<'identity'>
			Object.assign(raw, defined({ name: identity.name, type: identity.type }))
			if (identity.intro) raw.intro = defined(identity.intro)
			else delete raw.intro
			return
		}
		case 'contact':
			raw.contact = defined((value as GroupValue<'contact'>).contact)
			return
		case 'languages':
			raw.locales = (value as GroupValue<'languages'>).locales
			return
		case 'look': {
			const look = value as GroupValue<'look'>
			const current = ((raw.theme as Raw | undefined)?.overrides ?? {}) as Raw
			// Radius and font are not on the page; they stay as they were.
			const kept = Object.fromEntries(Object.entries(current).filter(([token]) => !(COLOUR_TOKENS as readonly string[]).includes(token)))
			raw.theme = { preset: look.theme.preset, overrides: { ...kept, ...defined(look.theme.overrides) } }
			if (logo) {
				for (const name of Object.values(LOGO_FILES)) delete files[name]
				files[LOGO_FILES[logo.type]] = logo.bytes
				raw.logo = LOGO_FILES[logo.type]
			} else if (look.removeLogo) delete raw.logo
			return
		}
		case 'payments':
			raw.payments = (value as GroupValue<'payments'>).payments
			return
		case 'hosts':
			raw.hosts = (value as GroupValue<'hosts'>).hosts
			return
		case 'nia': {
			const nia = defined((value as GroupValue<'nia'>).nia) as Raw
			const next: Raw = { ...((raw.nia as Raw | undefined) ?? {}), ...nia }
			// A metadata URL replaces a metadata file; without one the file (or what is stored) stays.
			if (nia.idpMetadataUrl) delete next.idpMetadataXml
			else delete next.idpMetadataUrl
			if (nia.sessionIdleMinutes === undefined) delete next.sessionIdleMinutes
			raw.nia = next
			return
		}
		case 'agendas':
			raw.submissionAgendas = defined((value as GroupValue<'agendas'>).submissionAgendas)
			return
	}
}

/** The logo as the audit shows it: the file, its size and a short hash (never the bytes). */
function logoLabel(raw: Raw, files: Record<string, Buffer>) {
	const name = typeof raw.logo === 'string' ? raw.logo : null
	const bytes = name ? files[name] : undefined
	if (!name || !bytes) return undefined
	return `${name} (${(bytes.length / 1024).toFixed(1)} kB, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 12)})`
}

function groupState(group: SettingsGroup, blueprint: Raw, files: Record<string, Buffer>) {
	return Object.fromEntries(GROUP_KEYS[group].map((key) => [key, key === 'logo' ? logoLabel(blueprint, files) : blueprint[key]]))
}

/**
 * A short fingerprint of one group's settings as they are now. The settings page sends the one it was
 * opened with; if someone saved the group since, the edit is refused instead of silently overwriting.
 */
function groupVersion(group: SettingsGroup, blueprint: Raw, files: Record<string, Buffer>) {
	return createHash('sha256')
		.update(JSON.stringify(groupState(group, blueprint, files)))
		.digest('hex')
		.slice(0, 16)
}

/** The group's settings as they are now (for the page) and the town's name and id. */
export async function readTownSettings(slug: string) {
	const exported = await exportBlueprint(slug)
	const parsed = BlueprintSchema.safeParse(exported.blueprint)
	const blueprint = (parsed.success ? parsed.data : exported.blueprint) as Raw
	return { blueprint, logo: logoLabel(exported.blueprint, exported.files), version: (group: SettingsGroup) => groupVersion(group, blueprint, exported.files) }
}

export async function editTownSettings({
	slug,
	group,
	value,
	logo,
	actor,
	expectedVersion,
}: {
	slug: string
	group: SettingsGroup
	value: GroupValue<SettingsGroup>
	logo?: NewLogo
	actor: string
	/** The group's version the editor saw (readTownSettings); when given and no longer current, nothing changes. */
	expectedVersion?: string
}): Promise<EditResult> {
	const exported = await exportBlueprint(slug)
	const before = BlueprintSchema.safeParse(exported.blueprint)
	if (expectedVersion && expectedVersion !== groupVersion(group, (before.success ? before.data : exported.blueprint) as Raw, exported.files))
		return { ok: false, fieldErrors: {}, contrast: [], problems: [], stale: true }
	const raw = structuredClone(exported.blueprint)
	const files = { ...exported.files }
	applyGroup(group, value, raw, files, logo)

	const fieldErrors: Record<string, string[]> = {}
	const problems: string[] = []
	const parsed = BlueprintSchema.safeParse(raw)
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const name = fieldName(issue.path)
			// Only this group's settings are on the page; another part's problem (a form naming a removed agenda) is said in words.
			if (GROUP_KEYS[group].includes(String(issue.path[0]))) (fieldErrors[name] ??= []).push(issue.message)
			else if (group === 'agendas' && issue.path[0] === 'forms' && issue.path[2] === 'agenda') fieldErrors.submissionAgendas = ['agendaInUse']
			else problems.push(`${name}: ${issue.message}`)
		}
	}
	let contrast: ContrastFailure[] = []
	if (parsed.success && group === 'look') {
		contrast = findContrastFailures(resolveTheme(parsed.data.theme.preset, parsed.data.theme.overrides))
		// One message key per field; the page names every failing pair from `contrast`.
		for (const failure of contrast) fieldErrors[`theme.overrides.${failure.foreground}`] = ['contrast']
	}
	if (group === 'hosts' && parsed.success) {
		const taken = await getPlatformDb().tenantHost.findMany({
			where: { host: { in: parsed.data.hosts }, tenant: { slug: { not: slug } } },
			select: { host: true },
		})
		for (const { host } of taken) (fieldErrors[`hosts[${parsed.data.hosts.indexOf(host)}]`] ??= []).push('hostTaken')
	}
	if (!parsed.success || Object.keys(fieldErrors).length || problems.length) return { ok: false, fieldErrors, contrast, problems }

	const changes = changedSettings(
		groupState(group, before.success ? (before.data as Raw) : exported.blueprint, exported.files),
		groupState(group, parsed.data as Raw, files),
	)
	if (!changes.length) return { ok: true, changes }

	const blueprint: LoadedBlueprint = {
		...parsed.data,
		...(parsed.data.logo && files[parsed.data.logo]
			? { logoFile: { bytes: files[parsed.data.logo]!, type: parsed.data.logo.endsWith('.png') ? 'image/png' : 'image/svg+xml' } }
			: {}),
		...(parsed.data.nia?.idpMetadataXml && files[EXPORTED_IDP_METADATA_FILE]
			? { niaFiles: { idpMetadataXml: files[EXPORTED_IDP_METADATA_FILE]!.toString('utf8') } }
			: {}),
	}
	try {
		await applyBlueprint({ pool: getPool(), blueprint, actor })
	} catch (error) {
		if (isAppError(error, 'nia_config_invalid'))
			return { ok: false, fieldErrors: { 'nia.idpMetadataUrl': ['metadataUnusable'] }, contrast: [], problems: [error.message] }
		if (isAppError(error, 'host_taken')) return { ok: false, fieldErrors: { hosts: ['hostTaken'] }, contrast: [], problems: [...error.details] }
		throw error
	}
	const tenant = await getPlatformDb().tenant.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } })
	await getPlatformDb().platformAudit.create({ data: { actor, action: 'settings.update', tenantId: tenant.id, details: { group, changes } } })
	const db = getTenantDb(tenant)
	for (const change of changes) {
		await recordAudit(db, {
			action: 'settings.update',
			subject: `Setting:${change.setting}`,
			details: { by: actor, setting: change.setting, old: change.old, new: change.new } as Prisma.InputJsonObject,
		})
	}
	return { ok: true, changes }
}
