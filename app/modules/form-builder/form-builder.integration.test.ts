// The builder's server side: an invalid import is refused with the path of each problem; publishing
// bumps the version and submissions made earlier keep the version they were filled against.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { parseDefinitionJson } from './parse-definition-json'
import { publishFormVersion } from './publish-form-version.server'

const town = await createTown('buildertown')
const db = getTenantDb(town.tenant)
const staff = { id: '00000000-0000-4000-8000-0000000000b1', name: 'Správce' }

describe('form builder', () => {
	test('an invalid definition is refused with the path of the problem, and nothing is stored', () => {
		const broken = sampleDefinition() as { steps: { fields: { label: Record<string, string> }[] }[] }
		broken.steps[0]!.fields[0]!.label = { cs: '' }
		const result = parseDefinitionJson(JSON.stringify(broken))
		expect(result.ok).toBe(false)
		if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('steps.0.fields.0.label.cs')
		expect(parseDefinitionJson('{ not json').ok).toBe(false)
	})

	test('publishing bumps the version; an earlier submission keeps its version', async () => {
		const first = parseDefinitionJson(JSON.stringify(sampleDefinition()))
		if (!first.ok) throw new Error('sample invalid')
		expect(await publishFormVersion({ db, definition: first.definition, staff })).toBe(1)
		const v1 = await db.formVersion.findFirstOrThrow({ where: { version: 1 } })
		const old = await submitSubmission({
			db,
			tenant: town.tenant,
			formVersionId: v1.id,
			agenda: first.definition.agenda,
			personId: null,
			data: { note: 'x' },
			locale: 'cs',
		})
		const changed = { ...first.definition, title: { ...first.definition.title, cs: 'Nový název' } }
		expect(await publishFormVersion({ db, definition: changed, staff })).toBe(2)
		const kept = await db.submission.findUniqueOrThrow({ where: { id: old.id }, select: { formVersion: { select: { version: true, definition: true } } } })
		expect(kept.formVersion.version).toBe(1)
		expect((kept.formVersion.definition as { title: { cs: string } }).title.cs).toBe(first.definition.title.cs)
		expect(await db.auditLog.count({ where: { action: 'form.published' } })).toBe(2)
	})
})
