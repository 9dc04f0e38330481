// `portal tenant export <slug>`: a town's current state written back as a blueprint folder that
// `tenant apply` accepts with "no changes" (issue 18, settings round trip). Everything a blueprint
// holds is read from where the portal keeps it now: the platform's hosts, town_settings, the newest
// published version of each active form, the newest fee rule version, nia_settings. Secrets are
// never written: gateways and the records connector keep their {env: NAME} references; a generated
// NIA SP key stays in the database (the blueprint leaves spKey out, so apply keeps it).
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { stringify as stringifyYaml } from 'yaml'
import { getPlatformDb } from '../db/platform-db.server'
import { getTenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { BLUEPRINT_FILE } from './load-blueprint.server'

export const EXPORTED_IDP_METADATA_FILE = 'nia-idp-metadata.xml'

export type ExportedBlueprint = { slug: string; blueprint: Record<string, unknown>; files: Record<string, Buffer> }

const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'object' && Object.keys(value as object).length === 0)

/** The town's state as a blueprint object and the files beside it (coat of arms, IdP metadata). */
export async function exportBlueprint(slug: string): Promise<ExportedBlueprint> {
	const tenant = await getPlatformDb().tenant.findUnique({
		where: { slug },
		select: { id: true, slug: true, hosts: { select: { host: true, isPrimary: true }, orderBy: { host: 'asc' } } },
	})
	if (!tenant) throw new AppError('tenant_not_found', `No town "${slug}" (see: portal tenant list)`)
	const db = getTenantDb(tenant)
	const [settings, forms, rules, nia] = await Promise.all([
		db.townSettings.findUnique({ where: { id: 1 } }),
		db.form.findMany({
			where: { isActive: true },
			orderBy: { code: 'asc' },
			select: { code: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { definition: true } } },
		}),
		db.feeRuleVersion.findFirst({ orderBy: { version: 'desc' }, select: { rules: true } }),
		db.niaSettings.findUnique({ where: { id: 1 } }),
	])
	if (!settings) throw new AppError('tenant_not_found', `Town "${slug}" has no settings yet (apply its blueprint first)`)
	const hosts = [...tenant.hosts].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary)).map((host) => host.host)
	const files: Record<string, Buffer> = {}
	let logo: string | undefined
	if (settings.logo && settings.logoType) {
		logo = settings.logoType === 'image/png' ? 'coat-of-arms.png' : 'coat-of-arms.svg'
		files[logo] = Buffer.from(settings.logo)
	}
	let niaSection: Record<string, unknown> | undefined
	if (nia) {
		niaSection = { spIssuer: nia.spIssuer, minimumLoa: nia.minimumLoa }
		if (nia.idpMetadataUrl) niaSection.idpMetadataUrl = nia.idpMetadataUrl
		else if (nia.idpMetadataXml) {
			niaSection.idpMetadataXml = EXPORTED_IDP_METADATA_FILE
			files[EXPORTED_IDP_METADATA_FILE] = Buffer.from(nia.idpMetadataXml)
		}
		if (nia.municipalityCode) niaSection.municipalityCode = nia.municipalityCode
		niaSection.sessionIdleMinutes = nia.sessionIdleMinutes
	}
	const blueprint: Record<string, unknown> = {
		slug: tenant.slug,
		name: settings.name,
		type: settings.townType,
		hosts,
		locales: { default: settings.defaultLocale, enabled: settings.enabledLocales },
		theme: { preset: settings.themePreset, overrides: settings.themeOverrides },
		...(logo ? { logo } : {}),
		...(isEmpty(settings.intro) ? {} : { intro: settings.intro }),
		contact: settings.contact,
		payments: { iban: settings.iban },
		...(rules ? { fees: rules.rules } : {}),
		submissionAgendas: settings.submissionAgendas,
		forms: forms.flatMap((form) => (form.versions[0] ? [form.versions[0].definition] : [])),
		gateways: settings.gateways,
		...(niaSection ? { nia: niaSection } : {}),
		...(isEmpty(settings.recordsConnector) ? {} : { records: settings.recordsConnector }),
	}
	return { slug: tenant.slug, blueprint, files }
}

export function blueprintYaml(exported: ExportedBlueprint) {
	return `# Exported by \`npm run cli -- tenant export ${exported.slug}\` on ${new Date().toISOString()}.\n# Apply with: npm run cli -- tenant apply tenants/${exported.slug}\n${stringifyYaml(exported.blueprint, { lineWidth: 0 })}`
}

/** Writes <dir>/<slug>/blueprint.yaml and its files; returns the folder. */
export async function writeExportedBlueprint(exported: ExportedBlueprint, dir: string) {
	const folder = path.join(dir, exported.slug)
	await mkdir(folder, { recursive: true })
	await writeFile(path.join(folder, BLUEPRINT_FILE), blueprintYaml(exported))
	for (const [name, bytes] of Object.entries(exported.files)) await writeFile(path.join(folder, name), bytes)
	return folder
}
