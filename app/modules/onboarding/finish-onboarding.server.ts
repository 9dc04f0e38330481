// The wizard's last step: the town is created by applyBlueprint, the code path of `tenant apply`,
// its first admin is invited (password + mandatory TOTP, as `staff invite`), and its health row is
// gathered at once so the console shows it. What applying did is returned step by step (progress).
import type { MigrationProgress } from '../db/migrate.server'
import { getPlatformDb } from '../db/platform-db.server'
import { getPool } from '../db/pool.server'
import { refreshTownHealthNow } from '../platform-health/town-actions.server'
import { inviteStaffFromCli } from '../staff/invite-staff-cli.server'
import { applyBlueprint } from '../tenancy/apply-blueprint.server'
import { draftToBlueprint } from './wizard-blueprint.server'
import type { WizardDraft } from './wizard-steps'

export type OnboardingProgress =
	| { kind: 'migration'; schema: string; migration: string; ms: number }
	| { kind: 'change'; text: string }
	| { kind: 'invited'; email: string }
	| { kind: 'health' }

export async function isSlugTaken(slug: string) {
	return Boolean(await getPlatformDb().tenant.findUnique({ where: { slug }, select: { id: true } }))
}

export async function takenHosts(hosts: string[]) {
	const rows = await getPlatformDb().tenantHost.findMany({ where: { host: { in: hosts } }, select: { host: true } })
	return rows.map((row) => row.host)
}

export async function finishOnboarding({ draft, actor }: { draft: WizardDraft; actor: string }) {
	const blueprint = draftToBlueprint(draft)
	const admin = draft.admin!.admin
	const progress: OnboardingProgress[] = []
	const onProgress = (event: MigrationProgress) => {
		if (event.type === 'applied') progress.push({ kind: 'migration', schema: event.schema, migration: event.migration, ms: event.ms })
	}
	const result = await applyBlueprint({ pool: getPool(), blueprint, actor, onProgress })
	progress.push(...result.changes.map((text) => ({ kind: 'change' as const, text })))
	const invitation = await inviteStaffFromCli({ slug: blueprint.slug, email: admin.email, name: admin.name, roles: ['admin'], agendas: [], actor })
	progress.push({ kind: 'invited', email: admin.email })
	await refreshTownHealthNow(blueprint.slug)
	progress.push({ kind: 'health' })
	return { slug: blueprint.slug, primaryHost: blueprint.hosts[0]!, progress, invitationExpiresAt: invitation.expiresAt.toISOString() }
}
