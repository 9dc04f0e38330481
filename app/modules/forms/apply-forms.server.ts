import { isDeepStrictEqual } from 'node:util'
import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import type { FormDefinition } from './form-definition-schema'

type Options = { db: TenantDb; forms: FormDefinition[]; actor: string }

/**
 * Brings the town's forms in line with its blueprint. A changed definition becomes a new published
 * version (earlier submissions keep theirs); a form no longer listed is withdrawn from the
 * catalogue, not deleted, because submissions still point at it. Returns what changed.
 */
export async function applyForms({ db, forms, actor }: Options): Promise<string[]> {
	const changes: string[] = []
	const listed = new Set(forms.map((form) => form.code))
	await db.$transaction(async (tx) => {
		for (const definition of forms) {
			const catalogue = {
				lifeSituation: definition.lifeSituation,
				agenda: definition.agenda,
				title: definition.title,
				description: definition.description ?? {},
				isActive: true,
			}
			const existing = await tx.form.findUnique({
				where: { code: definition.code },
				select: {
					id: true,
					lifeSituation: true,
					agenda: true,
					title: true,
					description: true,
					isActive: true,
					versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true, definition: true } },
				},
			})
			const json = JSON.parse(JSON.stringify(definition)) as Prisma.InputJsonObject
			if (!existing) {
				await tx.form.create({
					data: { code: definition.code, ...catalogue, versions: { create: { version: 1, definition: json, publishedAt: new Date(), publishedBy: actor } } },
				})
				changes.push(`form added: ${definition.code}`)
				continue
			}
			const { id, versions, ...current } = existing
			if (!isDeepStrictEqual(JSON.parse(JSON.stringify(current)), JSON.parse(JSON.stringify(catalogue)))) {
				await tx.form.update({ where: { id }, data: catalogue })
				if (!current.isActive) changes.push(`form restored: ${definition.code}`)
			}
			const latest = versions[0]
			if (!latest || !isDeepStrictEqual(latest.definition, json)) {
				const version = (latest?.version ?? 0) + 1
				await tx.formVersion.create({ data: { formId: id, version, definition: json, publishedAt: new Date(), publishedBy: actor } })
				changes.push(`form ${definition.code}: version ${version}`)
			}
		}
		const withdrawn = await tx.form.findMany({ where: { isActive: true, code: { notIn: [...listed] } }, select: { code: true } })
		if (withdrawn.length) {
			await tx.form.updateMany({ where: { code: { in: withdrawn.map((form) => form.code) } }, data: { isActive: false } })
			changes.push(...withdrawn.map((form) => `form withdrawn: ${form.code}`))
		}
	})
	return changes
}
