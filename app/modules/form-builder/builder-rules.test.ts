// The builder's new settings (help, length and value limits, file types and size, option values,
// comparing conditions) reach the definition, and a bad value is refused at the input it came from.
import { describe, expect, test } from 'vitest'
import { buildSubmissionSchema } from '../forms/build-submission-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import type { FormDefinition } from '../forms/form-definition-schema'
import { applyBuilderEdit } from './apply-builder-edit'
import { BuilderEditSchema } from './builder-edit-schema'
import { inputForProblem } from './input-for-problem'

const edit = (definition: FormDefinition, fields: Record<string, string>) => {
	const parsed = BuilderEditSchema.parse(fields)
	return { parsed, result: applyBuilderEdit(definition, parsed) }
}
const start = () =>
	applyBuilderEdit(sampleDefinition(), BuilderEditSchema.parse({ intent: 'add-field', step: '0', type: 'number', name: 'weight', labelCs: 'Váha' }))

describe('builder settings flow into the definition and the citizen schema', () => {
	test('help, length limit, number limit and a greater-than condition', () => {
		const base = start()
		if (!base.ok) throw new Error('start refused')
		const names = base.definition.steps[0]!.fields.map((field) => field.name)
		const weight = names.indexOf('weight')
		const withNote = applyBuilderEdit(
			base.definition,
			BuilderEditSchema.parse({ intent: 'add-field', step: '0', type: 'text', name: 'note', labelCs: 'Poznámka' }),
		)
		if (!withNote.ok) throw new Error('add refused')
		const { result } = edit(withNote.definition, {
			intent: 'set-field',
			step: '0',
			field: String(weight + 1),
			name: 'note',
			labelCs: 'Poznámka',
			helpCs: 'Krátce',
			helpEn: 'Briefly',
			minLength: '3',
			maxLength: '10',
			conditionField: 'weight',
			conditionOp: 'greaterThan',
			conditionValue: '20',
		})
		expect(result.ok).toBe(true)
		if (!result.ok) return
		const note = result.definition.steps[0]!.fields[weight + 1]!
		expect(note).toMatchObject({
			help: { cs: 'Krátce', en: 'Briefly' },
			minLength: 3,
			maxLength: 10,
			visibleWhen: { field: 'weight', op: 'greaterThan', value: '20' },
		})
		const schema = buildSubmissionSchema(
			{
				steps: [
					{ ...result.definition.steps[0]!, fields: result.definition.steps[0]!.fields.filter((field) => field.name === 'weight' || field.name === 'note') },
				],
			},
			'cs',
		)
		// Hidden (weight 10): not checked. Shown (weight 30): held to the length limit.
		expect(schema.safeParse({ weight: '10', note: 'x' }).success).toBe(true)
		const tooShort = schema.safeParse({ weight: '30', note: 'x' })
		expect(tooShort.success).toBe(false)
		expect(tooShort.error?.issues[0]?.path).toEqual(['note'])
		expect(schema.safeParse({ weight: '30', note: 'dost dlouhé' }).success).toBe(false)
		expect(schema.safeParse({ weight: '30', note: 'akorát' }).success).toBe(true)
	})

	test('a bad limit is refused at its input, in a rule the page shows in the clerk language', () => {
		const base = start()
		if (!base.ok) throw new Error('start refused')
		const weight = base.definition.steps[0]!.fields.findIndex((field) => field.name === 'weight')
		const notNumber = edit(base.definition, { intent: 'set-field', step: '0', field: String(weight), name: 'weight', labelCs: 'Váha', min: 'lehký' })
		expect(notNumber.result).toMatchObject({ ok: false, problems: [{ path: `steps.0.fields.${weight}.min`, rule: 'notNumber' }] })
		expect(inputForProblem(`steps.0.fields.${weight}.min`, notNumber.parsed)).toBe('min')
		const reversed = edit(base.definition, { intent: 'set-field', step: '0', field: String(weight), name: 'weight', labelCs: 'Váha', min: '50', max: '5' })
		expect(reversed.result).toMatchObject({ ok: false, problems: [{ rule: 'minAboveMax' }] })
		const noCzech = edit(base.definition, { intent: 'set-field', step: '0', field: String(weight), name: 'weight', labelCs: '' })
		expect(noCzech.result.ok).toBe(false)
		if (noCzech.result.ok) return
		expect(noCzech.result.problems[0]).toMatchObject({ rule: 'required' })
		expect(inputForProblem(noCzech.result.problems[0]!.path, noCzech.parsed)).toBe('label')
		const compareText = edit(base.definition, {
			intent: 'set-field',
			step: '0',
			field: String(weight),
			name: 'weight',
			labelCs: 'Váha',
			conditionField: 'givenName',
			conditionOp: 'lessThan',
			conditionValue: '3',
		})
		expect(compareText.result).toMatchObject({ ok: false, problems: [{ rule: 'compareType' }] })
	})

	test('file field: chosen types and a size limit below the form one; above it is refused', () => {
		const added = applyBuilderEdit(
			sampleDefinition(),
			BuilderEditSchema.parse({ intent: 'add-field', step: '0', type: 'file', name: 'photo', labelCs: 'Foto' }),
		)
		if (!added.ok) throw new Error('add refused')
		const at = String(added.definition.steps[0]!.fields.length - 1)
		const ok = edit(added.definition, {
			intent: 'set-field',
			step: '0',
			field: at,
			name: 'photo',
			labelCs: 'Foto',
			accept: 'image/jpeg,image/png',
			maxFiles: '2',
			maxFileSizeMb: '2',
		})
		expect(ok.result).toMatchObject({ ok: true })
		if (ok.result.ok) expect(ok.result.definition.steps[0]!.fields.at(-1)).toMatchObject({ accept: ['image/jpeg', 'image/png'], maxFiles: 2, maxFileSizeMb: 2 })
		const tooBig = edit(added.definition, {
			intent: 'set-field',
			step: '0',
			field: at,
			name: 'photo',
			labelCs: 'Foto',
			accept: 'image/jpeg',
			maxFileSizeMb: '99',
		})
		expect(tooBig.result.ok).toBe(false)
		const none = edit(added.definition, { intent: 'set-field', step: '0', field: at, name: 'photo', labelCs: 'Foto', accept: '' })
		expect(none.result).toMatchObject({ ok: false, problems: [{ rule: 'fileTypeNone' }] })
		expect(inputForProblem(`steps.0.fields.${at}.accept`, none.parsed)).toBe('accept')
	})

	test('an option value can be changed apart from its label', () => {
		const added = applyBuilderEdit(
			sampleDefinition(),
			BuilderEditSchema.parse({ intent: 'add-field', step: '0', type: 'select', name: 'size', labelCs: 'Velikost', optionValue: 'S', optionLabelCs: 'malý' }),
		)
		if (!added.ok) throw new Error('add refused')
		const at = String(added.definition.steps[0]!.fields.length - 1)
		const { result } = edit(added.definition, { intent: 'set-option', step: '0', field: at, option: '0', value: 'small', labelCs: 'malý pes' })
		expect(result.ok && result.definition.steps[0]!.fields.at(-1)).toMatchObject({ options: [{ value: 'small', label: { cs: 'malý pes' } }] })
	})
})
