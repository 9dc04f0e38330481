import { isDeepStrictEqual } from 'node:util'
import type pg from 'pg'
import type { Prisma } from '../../generated/tenant/client'
import { AppError } from '../errors/app-error'
import { migrateDatabase, type MigrationProgress } from '../db/migrate.server'
import { getPlatformDb } from '../db/platform-db.server'
import { PLATFORM_SCHEMA } from '../db/schema-name'
import { getTenantDb } from '../db/tenant-db.server'
import { enforcesProductionRules } from '../env/demo-mode'
import { getEnv } from '../env/env.server'
import { applyFeeRules } from '../fees/apply-fee-rules.server'
import { applyForms } from '../forms/apply-forms.server'
import { applyNiaSettings } from '../nia/apply-nia-settings.server'
import { applyResidents } from '../residents/apply-residents.server'
import type { LoadedBlueprint } from './load-blueprint.server'
import { notifyTenantChanged } from './tenant-events.server'

export type ApplyResult = { slug: string; created: boolean; changes: string[] }

type Options = {
	pool: pg.Pool
	blueprint: LoadedBlueprint
	actor: string
	onProgress?: (event: MigrationProgress) => void
}

/**
 * Creates or updates a town from its blueprint: schema and migrations, settings, then the platform
 * rows that make its hosts live. Idempotent: a second run reports no changes.
 */
export async function applyBlueprint({ pool, blueprint, actor, onProgress }: Options): Promise<ApplyResult> {
	const platformDb = getPlatformDb()
	const [primaryHost] = blueprint.hosts
	// On a fresh database the platform tables must exist before hosts can be checked. This touches
	// no town, so a refused blueprint below still changes nothing.
	await migrateDatabase({ pool, onlyTenants: [], onProgress })
	const taken = await platformDb.tenantHost.findMany({
		where: { host: { in: blueprint.hosts }, tenant: { slug: { not: blueprint.slug } } },
		select: { host: true, tenant: { select: { slug: true } } },
	})
	if (taken.length) {
		throw new AppError(
			'host_taken',
			'Some hosts already belong to another town; nothing was applied:',
			taken.map((t) => `hosts: ${t.host} belongs to ${t.tenant.slug}`),
		)
	}

	await migrateDatabase({
		pool,
		onlyTenants: [blueprint.slug],
		// The platform schema was reported above; report only the town's schema now.
		onProgress: onProgress && ((event) => event.schema !== PLATFORM_SCHEMA && onProgress(event)),
	})
	const existing = await platformDb.tenant.findUnique({
		where: { slug: blueprint.slug },
		select: { id: true, name: true, hosts: { select: { host: true, isPrimary: true } } },
	})
	const tenantId = existing?.id ?? crypto.randomUUID()
	const db = getTenantDb({ id: tenantId, slug: blueprint.slug })
	// NIA first: it may download metadata or refuse it, and a refused blueprint must change nothing else.
	const env = getEnv()
	const niaChanges = await applyNiaSettings({ db, blueprint, primaryHost, isProduction: enforcesProductionRules(env.NODE_ENV) })
	const changes = [
		...(await writeSettings(db, blueprint)),
		...niaChanges,
		...(await applyForms({ db, forms: blueprint.forms, actor })),
		...(await applyFeeRules({ db, rules: blueprint.fees, actor })),
	]
	// The register of residents after the fee rules: its obligations name their fee types.
	if (blueprint.residents) changes.push(...(await applyResidents({ db, file: blueprint.residents })))

	const oldHosts = new Map(existing?.hosts.map((h) => [h.host, h.isPrimary]) ?? [])
	for (const host of blueprint.hosts) {
		if (!oldHosts.has(host)) changes.push(`host added: ${host}`)
		else if (oldHosts.get(host) !== (host === primaryHost)) changes.push(`primary host: ${host}`)
	}
	for (const host of oldHosts.keys()) if (!blueprint.hosts.includes(host)) changes.push(`host removed: ${host}`)
	if (existing && existing.name !== blueprint.name.cs) changes.push('platform name')

	if (!existing || changes.length) {
		await platformDb.$transaction(async (tx) => {
			await tx.tenant.upsert({
				where: { slug: blueprint.slug },
				create: { id: tenantId, slug: blueprint.slug, name: blueprint.name.cs },
				update: { name: blueprint.name.cs },
			})
			// Delete then insert so the one-primary-per-town index never sees two primaries.
			await tx.tenantHost.deleteMany({ where: { tenantId } })
			await tx.tenantHost.createMany({
				data: blueprint.hosts.map((host) => ({ tenantId, host, isPrimary: host === primaryHost })),
			})
			await tx.platformAudit.create({
				data: { actor, action: existing ? 'tenant.update' : 'tenant.create', tenantId, details: { changes } },
			})
		})
		await notifyTenantChanged(pool, blueprint.slug)
	}
	return { slug: blueprint.slug, created: !existing, changes: existing ? changes : ['town created', ...changes] }
}

async function writeSettings(db: ReturnType<typeof getTenantDb>, blueprint: LoadedBlueprint) {
	const next = {
		name: blueprint.name,
		townType: blueprint.type,
		intro: blueprint.intro ?? {},
		defaultLocale: blueprint.locales.default,
		enabledLocales: blueprint.locales.enabled,
		themePreset: blueprint.theme.preset,
		themeOverrides: blueprint.theme.overrides,
		contact: blueprint.contact,
		iban: blueprint.payments.iban,
		logo: blueprint.logoFile ? new Uint8Array(blueprint.logoFile.bytes) : null,
		logoType: blueprint.logoFile?.type ?? null,
		// Validated by the blueprint schema; later issues give these their own strict shapes. The fee
		// rules are not kept here: fee_rule_version holds them (also the office's edits), applyFeeRules
		// reports their changes, and `tenant export` reads them from there.
		submissionAgendas: blueprint.submissionAgendas,
		gateways: blueprint.gateways,
		recordsConnector: (blueprint.records ?? {}) as Prisma.InputJsonObject,
	}
	const current = await db.townSettings.findUnique({ where: { id: 1 }, omit: { updatedAt: true, id: true } })
	const changes = current
		? (Object.keys(next) as (keyof typeof next)[])
				.filter((key) => !isDeepStrictEqual(normalize(current[key]), normalize(next[key])))
				.map((key) => `setting: ${key}`)
		: []
	if (!current || changes.length) {
		await db.townSettings.upsert({ where: { id: 1 }, create: { id: 1, ...next }, update: next })
	}
	return changes
}

// Bytes and JSON come back from the database in other shapes than they went in.
function normalize(value: unknown): unknown {
	if (value instanceof Uint8Array) return Buffer.from(value).toString('base64')
	return JSON.parse(JSON.stringify(value ?? null))
}
