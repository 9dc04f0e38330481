import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { defineAbilityFor } from '../access/ability.server'
import { getTenantDb } from '../db/tenant-db.server'
import { answerNeedsInfo } from './answer-needs-info.server'
import { applyForms } from './apply-forms.server'
import { checkUpload } from './check-upload.server'
import { FormDefinitionSchema } from './form-definition-schema'
import { getMySubmission } from './get-my-submission.server'
import { sampleDefinition } from './sample-definition.fixture'
import { submitSubmission } from './submit-submission.server'

const town = await createTown('forms-answer')
const db = getTenantDb(town.tenant)
const definition = FormDefinitionSchema.parse(sampleDefinition())
await applyForms({ db, forms: [definition], actor: 'test' })
const version = await db.formVersion.findFirstOrThrow({ select: { id: true } })
const [jana, petr] = await Promise.all([
	db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } }),
	db.person.create({ data: { givenName: 'Petr', familyName: 'Svoboda' } }),
])
const submission = await submitSubmission({ db, tenant: town.tenant, formVersionId: version.id, agenda: 'fees', personId: jana.id, data: {}, locale: 'cs' })
const asJana = defineAbilityFor({ kind: 'citizen', personId: jana.id })
const asPetr = defineAbilityFor({ kind: 'citizen', personId: petr.id })

describe('answering a request for more information', () => {
	test('is refused while the submission is not waiting for information', async () => {
		await expect(answerNeedsInfo({ db, ability: asJana, submissionId: submission.id, personId: jana.id, message: 'Posílám', files: [] })).rejects.toThrow(
			/not waiting/,
		)
	})

	test('another citizen cannot answer, nor see the submission', async () => {
		await db.submission.update({ where: { id: submission.id }, data: { status: 'needs_info' } })
		await expect(answerNeedsInfo({ db, ability: asPetr, submissionId: submission.id, personId: petr.id, message: 'Vetřelec', files: [] })).rejects.toThrow()
		expect(await getMySubmission({ db, ability: asPetr, number: submission.number })).toBeNull()
	})

	test('the owner answers with a message and a file; both show in their timeline and attachments', async () => {
		const checked = await checkUpload({
			definition,
			accept: ['application/pdf'],
			maxFiles: 5,
			fieldName: 'answer',
			fileName: 'doplneni.pdf',
			content: readFileSync(path.join(import.meta.dirname, 'fixtures', 'vaccination.pdf')),
			existing: [],
		})
		if (!checked.ok) throw new Error('fixture refused')
		await answerNeedsInfo({
			db,
			ability: asJana,
			submissionId: submission.id,
			personId: jana.id,
			message: 'Posílám očkovací průkaz.',
			files: [{ ...checked.file, fieldName: 'answer' }],
		})
		const seen = await getMySubmission({ db, ability: asJana, number: submission.number })
		expect(seen?.events.map((event) => [event.kind, event.message])).toEqual([
			['submitted', null],
			['answered', 'Posílám očkovací průkaz.'],
		])
		expect(seen?.attachments.map((file) => file.fileName)).toEqual(['doplneni.pdf'])
		// "Čeká na doplnění" became "Doplněno" for the citizen and the clerk alike (issue 19).
		expect(seen?.status).toBe('answered')
		expect((await db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { status: true } })).status).toBe('answered')
	})

	test('a second answer (another tab) is refused: the submission no longer waits', async () => {
		await expect(answerNeedsInfo({ db, ability: asJana, submissionId: submission.id, personId: jana.id, message: 'Ještě jednou', files: [] })).rejects.toThrow(
			/not waiting/,
		)
	})

	test('the clerk moves an answered submission on, or asks again', async () => {
		const { canTransitionSubmission } = await import('../submissions/submission-states')
		expect(canTransitionSubmission('clerk', 'answered', 'in_progress')).toBe(true)
		expect(canTransitionSubmission('clerk', 'answered', 'needs_info')).toBe(true)
		expect(canTransitionSubmission('citizen', 'answered', 'answered')).toBe(false)
		expect(canTransitionSubmission('citizen', 'in_progress', 'answered')).toBe(false)
	})
})
