import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { addDraftFile } from './add-draft-file.server'
import { applyForms } from './apply-forms.server'
import { buildSubmissionSchema } from './build-submission-schema'
import { FormDefinitionSchema } from './form-definition-schema'
import { getPublishedForm } from './get-published-form.server'
import { prefillValues } from './prefill-values'
import { sampleDefinition } from './sample-definition.fixture'
import { getDraft, saveDraft } from './save-draft.server'
import { submitSubmission } from './submit-submission.server'

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name))
const town = await createTown('forms-draft')
const db = getTenantDb(town.tenant)
await applyForms({ db, forms: [FormDefinitionSchema.parse(sampleDefinition())], actor: 'test' })
const form = (await getPublishedForm({ db, code: 'dog-registration' }))!
const fileField = form.definition.steps[1]!.fields[1]!
if (fileField.type !== 'file') throw new Error('fixture: expected a file field')
const person = await db.person.create({
	data: {
		givenName: 'Jana',
		familyName: 'Nováková',
		dateOfBirth: new Date('1985-03-14'),
		address: { Thoroughfare: 'Zámecká', LocatorDesignator: '1234/5', PostCode: '69801', PostName: 'Veselí nad Moravou' },
	},
})

describe('from draft to submission', () => {
	test('prefill takes name and address from the identity', () => {
		expect(prefillValues(form.definition, { ...person, email: null, notificationEmail: null, phone: null })).toEqual({
			givenName: 'Jana',
			address: { street: 'Zámecká 1234/5', city: 'Veselí nad Moravou', postalCode: '698 01' },
		})
	})

	test('a refused file leaves the draft as it was; an accepted one is stored with its hash; submit moves it all in one go', async () => {
		const draft = await saveDraft({ db, personId: person.id, formVersionId: form.versionId, values: { givenName: 'Jana', dogs: [{ name: 'Rex' }] }, step: 1 })
		const refused = await addDraftFile({
			db,
			draftId: draft.id,
			definition: form.definition,
			field: fileField,
			fileName: 'cert.pdf',
			content: fixture('invoice.pdf.exe-renamed.pdf'),
		})
		expect(refused).toEqual({ ok: false, reason: 'type_not_allowed', detail: 'exe' })
		const kept = await getDraft({ db, personId: person.id, formVersionId: form.versionId })
		expect(kept?.data).toEqual({ givenName: 'Jana', dogs: [{ name: 'Rex' }] })
		expect(kept?.attachments).toEqual([])

		const added = await addDraftFile({
			db,
			draftId: draft.id,
			definition: form.definition,
			field: fileField,
			fileName: 'cert.pdf',
			content: fixture('vaccination.pdf'),
		})
		expect(added.ok).toBe(true)
		const values = buildSubmissionSchema(form.definition, 'cs').parse({
			...(kept!.data as object),
			address: { street: 'Zámecká 1234/5', city: 'Veselí nad Moravou', postalCode: '698 01' },
			vaccination: [added.ok && added.id],
		})
		const submitted = await submitSubmission({
			db,
			tenant: town.tenant,
			formVersionId: form.versionId,
			agenda: form.agenda,
			personId: person.id,
			data: values,
			locale: 'cs',
			draftId: draft.id,
		})
		const stored = await db.submission.findUniqueOrThrow({ where: { id: submitted.id }, include: { attachments: true, outbox: true, events: true } })
		expect(stored.attachments.map((file) => [file.fileName, file.contentType, file.sha256.length])).toEqual([['cert.pdf', 'application/pdf', 64]])
		expect(stored.outbox).toMatchObject({ state: 'pending', attempts: 0 })
		expect(stored.events.map((event) => event.status)).toEqual(['submitted'])
		expect(await getDraft({ db, personId: person.id, formVersionId: form.versionId })).toBeNull()
	})

	test('a submission naming a file that is not in the draft is refused and nothing is written', async () => {
		const draft = await saveDraft({ db, personId: person.id, formVersionId: form.versionId, values: {}, step: 0 })
		const before = await db.submission.count()
		await expect(
			submitSubmission({
				db,
				tenant: town.tenant,
				formVersionId: form.versionId,
				agenda: form.agenda,
				personId: person.id,
				data: { vaccination: ['7d9f2c1e-2a4b-4c3d-8e5f-0a1b2c3d4e5f'] },
				locale: 'cs',
				draftId: draft.id,
			}),
		).rejects.toThrow(/not attached/)
		expect(await db.submission.count()).toBe(before)
		expect(await db.deliveryOutbox.count()).toBe(before)
	})
})
