import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { createTown, REPO_ROOT, testBlueprint, writeBlueprint } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { isAppError } from '../errors/app-error'
import { loadBlueprint } from '../tenancy/load-blueprint.server'
import { sampleDefinition } from './sample-definition.fixture'

describe('forms in a blueprint', () => {
	test.each(['veseli-nad-moravou', 'znojmo'])('the demo town %s ships the six demo forms, each valid', async (slug) => {
		const blueprint = await loadBlueprint(path.join(REPO_ROOT, 'tenants', slug))
		expect(blueprint.forms.map((form) => form.code)).toEqual([
			'prihlaseni-psa',
			'zmena-poplatku-odpad',
			'zabor-verejneho-prostranstvi',
			'zadost-o-informace',
			'nefunkcni-osvetleni',
			'parkovaci-karta',
		])
		expect(blueprint.forms.find((form) => form.code === 'nefunkcni-osvetleni')?.requiresLogin).toBe(false)
	})

	test('tenant apply creates the forms as published version 1 and the town agendas', async () => {
		const town = await createTown('forms-apply', { submissionAgendas: [{ code: 'fees', name: { cs: 'Poplatky' } }], forms: [sampleDefinition()] })
		expect(town.result.changes).toContain('form added: dog-registration')
		const db = getTenantDb(town.tenant)
		const form = await db.form.findUniqueOrThrow({ where: { code: 'dog-registration' }, include: { versions: true } })
		expect(form).toMatchObject({ agenda: 'fees', lifeSituation: 'pets', isActive: true })
		expect(form.versions).toHaveLength(1)
		expect(form.versions[0]!.publishedAt).toBeInstanceOf(Date)
		expect((await db.townSettings.findUniqueOrThrow({ where: { id: 1 } })).submissionAgendas).toEqual([{ code: 'fees', name: { cs: 'Poplatky' } }])
	})

	test('a blueprint whose form breaks a rule, or names an agenda the town does not have, is refused with the path', async () => {
		const bad = sampleDefinition()
		bad.steps[0]!.fields[3]!.visibleWhen = { field: 'nobody', op: 'filled' }
		const dir = writeBlueprint(testBlueprint('forms-bad', { submissionAgendas: [{ code: 'roads', name: { cs: 'Doprava' } }], forms: [bad] }))
		const error = await loadBlueprint(dir).catch((e: unknown) => e)
		expect(isAppError(error, 'blueprint_invalid')).toBe(true)
		expect(String((error as Error).message)).toContain('forms.0.steps.0.fields.3.visibleWhen.field: the condition names an unknown field "nobody"')
		expect(String((error as Error).message)).toContain('forms.0.agenda: agenda "fees" is not listed in submissionAgendas')
	})
})
