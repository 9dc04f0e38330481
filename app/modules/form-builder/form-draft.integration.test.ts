// The visual builder's server side: each edit (one form POST) changes the form's draft and leaves
// the published version alone; an invalid edit is refused with the path and stores nothing;
// publishing the draft makes the next version while an earlier submission keeps its own.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import type { FormDefinition } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { BuilderEditSchema } from './builder-edit-schema'
import { discardFormDraft } from './discard-form-draft.server'
import { draftStamp, editFormDraft } from './edit-form-draft.server'
import { loadFormDraft } from './load-form-draft.server'
import { publishFormDraft } from './publish-form-draft.server'

const town = await createTown('builderdraft', {
	submissionAgendas: [
		{ code: 'fees', name: { cs: 'Poplatky' } },
		{ code: 'roads', name: { cs: 'Doprava' } },
	],
	forms: [sampleDefinition()],
})
const db = getTenantDb(town.tenant)
const staff = { id: '00000000-0000-4000-8000-0000000000b2', name: 'Správce Builder' }
const code = 'dog-registration'

/** Posts an edit the way the page does: string fields, parsed by the same schema. */
async function edit(fields: Record<string, string>) {
	return editFormDraft({ db, code, edit: BuilderEditSchema.parse(fields), staff })
}
async function draft() {
	return (await loadFormDraft({ db, code }))!.definition as FormDefinition
}
const names = (definition: FormDefinition, step = 0) => definition.steps[step]!.fields.map((field) => field.name)
const publishedDefinition = async () =>
	(await db.formVersion.findFirstOrThrow({ where: { form: { code } }, orderBy: { version: 'desc' } })).definition as FormDefinition

describe('form builder draft', () => {
	test('add, reorder and remove fields and steps; options; a condition: each produces a valid draft, the published version unchanged', async () => {
		const before = await publishedDefinition()
		expect(
			(
				await edit({
					intent: 'add-field',
					step: '0',
					type: 'select',
					name: 'size',
					labelCs: 'Velikost',
					labelEn: 'Size',
					labelUk: 'Розмір',
					required: 'on',
					optionValue: 'small',
					optionLabelCs: 'malý',
				})
			).ok,
		).toBe(true)
		expect((await edit({ intent: 'add-option', step: '0', field: '4', value: 'big', labelCs: 'velký', labelEn: 'big' })).ok).toBe(true)
		expect((await edit({ intent: 'set-option', step: '0', field: '4', option: '0', labelCs: 'malý pes', labelUk: 'малий' })).ok).toBe(true)
		expect((await edit({ intent: 'move-option', step: '0', field: '4', option: '1', direction: 'up' })).ok).toBe(true)
		expect((await edit({ intent: 'add-field', step: '0', type: 'longText', name: 'bigNote', labelCs: 'Poznámka k velkému psu' })).ok).toBe(true)
		expect(
			(
				await edit({
					intent: 'set-field',
					step: '0',
					field: '5',
					name: 'bigNote',
					labelCs: 'Poznámka k velkému psu',
					conditionField: 'size',
					conditionValue: 'big',
				})
			).ok,
		).toBe(true)
		expect((await edit({ intent: 'move-field', step: '0', field: '0', direction: 'down' })).ok).toBe(true)
		expect((await edit({ intent: 'add-step', id: 'extra', titleCs: 'Doplňující', fieldName: 'extraInfo', fieldLabelCs: 'Doplnění' })).ok).toBe(true)
		expect((await edit({ intent: 'move-step', step: '2', direction: 'up' })).ok).toBe(true)
		expect((await edit({ intent: 'add-field', step: '2', group: '0', type: 'date', name: 'born', labelCs: 'Narozen' })).ok).toBe(true)

		const result = await draft()
		expect(names(result)).toEqual(['address', 'givenName', 'ownerKind', 'companyId', 'size', 'bigNote'])
		const size = result.steps[0]!.fields[4]!
		expect(size).toMatchObject({
			type: 'select',
			required: true,
			label: { cs: 'Velikost', en: 'Size', uk: 'Розмір' },
			options: [{ value: 'big' }, { value: 'small', label: { cs: 'malý pes', uk: 'малий' } }],
		})
		expect(result.steps[0]!.fields[5]!.visibleWhen).toEqual({ field: 'size', op: 'equals', value: 'big' })
		expect(result.steps.map((step) => step.id)).toEqual(['owner', 'extra', 'dog'])
		expect(result.steps[2]!.fields[0]).toMatchObject({ type: 'group', fields: [{ name: 'name' }, { name: 'born', type: 'date' }] })

		expect((await edit({ intent: 'remove-field', step: '0', field: '5' })).ok).toBe(true)
		expect((await edit({ intent: 'remove-step', step: '1' })).ok).toBe(true)
		expect(names(await draft())).toEqual(['address', 'givenName', 'ownerKind', 'companyId', 'size'])
		expect((await draft()).steps).toHaveLength(2)
		expect(await publishedDefinition()).toEqual(before)
	})

	test('an invalid change is refused with the path of the problem and nothing is saved', async () => {
		const saved = await draft()
		const updatedAt = (await loadFormDraft({ db, code }))!.draftUpdatedAt
		const cases: [Record<string, string>, string][] = [
			[{ intent: 'set-field', step: '0', field: '0', name: 'address', labelCs: 'Adresa', conditionField: 'vaccination' }, 'steps.0.fields.0.visibleWhen.field'],
			[{ intent: 'add-field', step: '0', type: 'radio', name: 'kind', labelCs: 'Druh' }, 'steps.0.fields.5.options'],
			[{ intent: 'add-field', step: '1', type: 'text', name: 'size', labelCs: 'Znovu' }, 'steps.1.fields.2.name'],
			[{ intent: 'add-field', step: '0', type: 'text', name: 'noLabel', labelCs: '' }, 'steps.0.fields.5.label.cs'],
			[{ intent: 'set-field', step: '0', field: '3', name: 'companyId', labelCs: 'IČO', pattern: '([' }, 'steps.0.fields.3.pattern'],
			[{ intent: 'remove-field', step: '0', field: '9' }, 'steps.0.fields.9'],
			[{ intent: 'set-form', titleCs: 'Pes', lifeSituation: 'pets', agenda: 'parking', retentionYears: '10' }, 'agenda'],
		]
		for (const [fields, path] of cases) {
			const result = await edit(fields)
			expect(result.ok, JSON.stringify(fields)).toBe(false)
			if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain(path)
		}
		expect(await draft()).toEqual(saved)
		expect((await loadFormDraft({ db, code }))!.draftUpdatedAt).toEqual(updatedAt)
	})

	test('publishing the draft creates the next version; an earlier submission keeps its version; discard returns to the published one', async () => {
		const v1 = await db.formVersion.findFirstOrThrow({ where: { form: { code }, version: 1 } })
		const old = await submitSubmission({
			db,
			tenant: town.tenant,
			formVersionId: v1.id,
			agenda: 'fees',
			personId: null,
			data: { givenName: 'Jan' },
			locale: 'cs',
		})
		expect(
			(
				await edit({
					intent: 'set-form',
					titleCs: 'Přihlášení psa',
					titleEn: 'Dog',
					lifeSituation: 'pets',
					agenda: 'roads',
					requiresLogin: 'on',
					retentionYears: '5',
				})
			).ok,
		).toBe(true)
		const published = await publishFormDraft({ db, code, staff })
		expect(published).toEqual({ ok: true, version: 2 })
		const latest = await publishedDefinition()
		expect(names(latest)).toContain('size')
		expect(latest).toMatchObject({ agenda: 'roads', retentionYears: 5, title: { cs: 'Přihlášení psa', en: 'Dog' } })
		expect(await db.form.findUniqueOrThrow({ where: { code }, select: { agenda: true, draftDefinition: true } })).toEqual({
			agenda: 'roads',
			draftDefinition: null,
		})
		const kept = await db.submission.findUniqueOrThrow({ where: { id: old.id }, select: { agenda: true, formVersion: { select: { version: true } } } })
		expect(kept).toEqual({ agenda: 'fees', formVersion: { version: 1 } })
		expect(await publishFormDraft({ db, code, staff })).toMatchObject({ ok: false })

		expect((await edit({ intent: 'remove-field', step: '0', field: '4' })).ok).toBe(true)
		await discardFormDraft({ db, code, staff })
		const reopened = await loadFormDraft({ db, code })
		expect(reopened).toMatchObject({ hasDraft: false, publishedVersion: 2 })
		expect(names(reopened!.definition as FormDefinition)).toContain('size')
		expect(await db.auditLog.count({ where: { action: 'form.draft_discarded' } })).toBe(1)
	})

	test('two admins on the same draft: the second save, made on the page as it was before the first, is refused and nothing is lost', async () => {
		const opened = (await loadFormDraft({ db, code }))!
		const stamp = draftStamp(opened.draftUpdatedAt)
		// Both pages show the same draft; the first admin saves.
		const first = await editFormDraft({
			db,
			code,
			edit: BuilderEditSchema.parse({ intent: 'add-field', step: '0', type: 'text', name: 'firstAdmin', labelCs: 'První' }),
			staff,
			expectedStamp: stamp,
		})
		expect(first.ok).toBe(true)
		const second = await editFormDraft({
			db,
			code,
			edit: BuilderEditSchema.parse({ intent: 'add-field', step: '0', type: 'text', name: 'secondAdmin', labelCs: 'Druhý' }),
			staff: { id: staff.id, name: 'Jiný správce' },
			expectedStamp: stamp,
		})
		expect(second).toMatchObject({ ok: false, conflict: { by: 'Správce Builder' } })
		expect(names(await draft())).toContain('firstAdmin')
		expect(names(await draft())).not.toContain('secondAdmin')
		// Reloaded (the new stamp), the second admin's save goes through.
		const again = await editFormDraft({
			db,
			code,
			edit: BuilderEditSchema.parse({ intent: 'add-field', step: '0', type: 'text', name: 'secondAdmin', labelCs: 'Druhý' }),
			staff,
			expectedStamp: draftStamp((await loadFormDraft({ db, code }))!.draftUpdatedAt),
		})
		expect(again.ok).toBe(true)
		expect(names(await draft())).toEqual(expect.arrayContaining(['firstAdmin', 'secondAdmin']))
		// Publishing from a page that did not see the latest save is refused too.
		expect(await publishFormDraft({ db, code, staff, expectedStamp: stamp })).toMatchObject({ ok: false, conflict: {} })
	})

	test('discarding from a page that did not see the latest save is refused with who saved it; from the current page it discards', async () => {
		const stale = draftStamp((await loadFormDraft({ db, code }))!.draftUpdatedAt)
		const saved = await editFormDraft({
			db,
			code,
			edit: BuilderEditSchema.parse({ intent: 'add-field', step: '0', type: 'text', name: 'otherAdmin', labelCs: 'Jiný' }),
			staff: { id: staff.id, name: 'Jiný správce' },
			expectedStamp: stale,
		})
		expect(saved.ok).toBe(true)
		const discards = await db.auditLog.count({ where: { action: 'form.draft_discarded' } })
		expect(await discardFormDraft({ db, code, staff, expectedStamp: stale })).toMatchObject({ ok: false, conflict: { by: 'Jiný správce' } })
		expect(names(await draft())).toContain('otherAdmin')
		expect(await db.auditLog.count({ where: { action: 'form.draft_discarded' } })).toBe(discards)
		// A page that showed no draft at all must not discard one opened since.
		expect(await discardFormDraft({ db, code, staff, expectedStamp: '' })).toMatchObject({ ok: false, conflict: { by: 'Jiný správce' } })

		const current = draftStamp((await loadFormDraft({ db, code }))!.draftUpdatedAt)
		expect(await discardFormDraft({ db, code, staff, expectedStamp: current })).toEqual({ ok: true, deleted: false })
		expect(await loadFormDraft({ db, code })).toMatchObject({ hasDraft: false })
		expect(await db.auditLog.count({ where: { action: 'form.draft_discarded' } })).toBe(discards + 1)
	})
})
