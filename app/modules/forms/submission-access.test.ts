// "A citizen sees only their own; a clerk of another agenda sees nothing": held in the database
// query (accessibleWhere), not only in ability.can on records already loaded.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { accessibleWhere, defineAbilityFor } from '../access/ability.server'
import { getTenantDb } from '../db/tenant-db.server'
import { applyForms } from './apply-forms.server'
import { FormDefinitionSchema } from './form-definition-schema'
import { readMyAttachment } from './read-decision-document.server'
import { sampleDefinition } from './sample-definition.fixture'
import { submitSubmission } from './submit-submission.server'

const town = await createTown('forms-access')
const db = getTenantDb(town.tenant)
const dogForm = FormDefinitionSchema.parse(sampleDefinition())
const lightForm = FormDefinitionSchema.parse({ ...sampleDefinition(), code: 'street-light', agenda: 'roads' })
await applyForms({ db, forms: [dogForm, lightForm], actor: 'test' })
const versions = await db.formVersion.findMany({ select: { id: true, form: { select: { code: true, agenda: true } } } })
const versionOf = (code: string) => versions.find((v) => v.form.code === code)!

const [jana, petr] = await Promise.all([
	db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } }),
	db.person.create({ data: { givenName: 'Petr', familyName: 'Svoboda' } }),
])
const submit = (code: string, personId: string | null) =>
	submitSubmission({
		db,
		tenant: town.tenant,
		formVersionId: versionOf(code).id,
		agenda: versionOf(code).form.agenda,
		personId,
		data: { note: code },
		locale: 'cs',
	})
const janaDog = await submit('dog-registration', jana.id)
const petrDog = await submit('dog-registration', petr.id)
const anonymousLight = await submit('street-light', null)

const clerk = (submissionAgendas: string[]) =>
	defineAbilityFor({ kind: 'staff', staffUserId: '00000000-0000-4000-8000-0000000000c1', roles: ['clerk'], agendas: ['submissions'], submissionAgendas })
const readable = async (ability: ReturnType<typeof defineAbilityFor>) =>
	(
		await db.submission.findMany({ where: { AND: [accessibleWhere(ability, 'read', 'Submission')] }, select: { number: true }, orderBy: { number: 'asc' } })
	).map((s) => s.number)

describe('who reads which submissions', () => {
	test('submissions get consecutive numbers with the town prefix and year, and an outbox row and first event each', async () => {
		const year = new Date().getFullYear()
		expect([janaDog.number, petrDog.number, anonymousLight.number]).toEqual([`FOR-${year}-000001`, `FOR-${year}-000002`, `FOR-${year}-000003`])
		expect(await db.deliveryOutbox.count({ where: { state: 'pending' } })).toBe(3)
		expect(await db.submissionEvent.count({ where: { kind: 'submitted', status: 'submitted' } })).toBe(3)
	})

	test('a citizen reads only their own submissions', async () => {
		expect(await readable(defineAbilityFor({ kind: 'citizen', personId: jana.id }))).toEqual([janaDog.number])
		expect(await readable(defineAbilityFor({ kind: 'citizen', personId: petr.id }))).toEqual([petrDog.number])
	})

	test("a citizen downloads their own attachment; not another citizen's, not by another submission's number, not an office file", async () => {
		const file = (origin: string) =>
			db.submissionAttachment.create({
				data: {
					submissionId: janaDog.id,
					fieldName: 'vaccination',
					fileName: 'průkaz.pdf',
					contentType: 'application/pdf',
					size: 410,
					sha256: 'x',
					content: Buffer.from('%PDF-1.4'),
					origin,
				},
			})
		const [mine, office] = await Promise.all([file('citizen'), file('office')])
		const read = (personId: string, number: string, attachmentId: string) =>
			readMyAttachment({ db, ability: defineAbilityFor({ kind: 'citizen', personId }), number, attachmentId })
		expect(await read(jana.id, janaDog.number, mine.id)).toMatchObject({ fileName: 'průkaz.pdf' })
		expect(await read(petr.id, janaDog.number, mine.id)).toBeNull()
		expect(await read(petr.id, petrDog.number, mine.id)).toBeNull()
		expect(await read(jana.id, janaDog.number, office.id)).toBeNull()
		await db.submissionAttachment.deleteMany({ where: { id: { in: [mine.id, office.id] } } })
	})

	test('a clerk reads the submissions of their agendas only; a clerk of another agenda, or of none, reads nothing', async () => {
		expect(await readable(clerk(['fees']))).toEqual([janaDog.number, petrDog.number])
		expect(await readable(clerk(['roads']))).toEqual([anonymousLight.number])
		expect(await readable(clerk(['parking']))).toEqual([])
		expect(await readable(clerk([]))).toEqual([])
		expect(await readable(defineAbilityFor({ kind: 'staff', staffUserId: '00000000-0000-4000-8000-0000000000c2', roles: ['clerk'], agendas: [] }))).toEqual([])
	})

	test('an admin reads all; anonymous reads none', async () => {
		const admin = defineAbilityFor({ kind: 'staff', staffUserId: '00000000-0000-4000-8000-0000000000a1', roles: ['admin'], agendas: [] })
		expect(await readable(admin)).toHaveLength(3)
		expect(await readable(defineAbilityFor({ kind: 'anonymous' }))).toEqual([])
	})

	test('re-applying the same forms changes nothing; a changed definition becomes version 2 and old submissions keep version 1', async () => {
		expect(await applyForms({ db, forms: [dogForm, lightForm], actor: 'test' })).toEqual([])
		const changed = { ...dogForm, retentionYears: 20 }
		expect(await applyForms({ db, forms: [changed], actor: 'test' })).toEqual(['form dog-registration: version 2', 'form withdrawn: street-light'])
		const kept = await db.submission.findUniqueOrThrow({ where: { number: janaDog.number }, select: { formVersion: { select: { version: true } } } })
		expect(kept.formVersion.version).toBe(1)
	})
})
