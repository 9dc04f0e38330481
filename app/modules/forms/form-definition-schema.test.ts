import { describe, expect, test } from 'vitest'
import { FormDefinitionSchema, type FormDefinitionInput } from './form-definition-schema'
import { sampleDefinition } from './sample-definition.fixture'

function problemsOf(definition: unknown) {
	const result = FormDefinitionSchema.safeParse(definition)
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

describe('a form definition', () => {
	test('a well-formed definition is accepted, with defaults filled in', () => {
		const parsed = FormDefinitionSchema.parse(sampleDefinition())
		expect(parsed.requiresLogin).toBe(true)
		expect(parsed.steps[0]!.fields[0]!.required).toBe(true)
		const file = parsed.steps[1]!.fields[1]!
		expect(file.type === 'file' && file.accept).toEqual(['application/pdf', 'image/jpeg', 'image/png'])
	})

	const broken: [string, (d: FormDefinitionInput) => void, string][] = [
		[
			'a condition naming an unknown field',
			(d) => (d.steps[0]!.fields[3]!.visibleWhen = { field: 'ownerType', op: 'equals', value: 'company' }),
			'steps.0.fields.3.visibleWhen.field: the condition names an unknown field "ownerType"',
		],
		[
			'a condition on a field of a later step',
			(d) => (d.steps[0]!.fields[3]!.visibleWhen = { field: 'dogs', op: 'filled' }),
			'steps.0.fields.3.visibleWhen.field: the condition names "dogs", which comes on a later step',
		],
		[
			'a condition testing a value that is not an option',
			(d) => (d.steps[0]!.fields[3]!.visibleWhen = { field: 'ownerKind', op: 'equals', value: 'firm' }),
			'steps.0.fields.3.visibleWhen.value: "firm" is not an option of field "ownerKind"',
		],
		[
			'a field depending on itself',
			(d) => (d.steps[0]!.fields[3]!.visibleWhen = { field: 'companyId', op: 'filled' }),
			'steps.0.fields.3.visibleWhen.field: field "companyId" cannot depend on itself',
		],
		['a duplicate field name across steps', (d) => (d.steps[1]!.fields[1]!.name = 'address'), 'steps.1.fields.1.name: duplicate field name "address"'],
		[
			'a duplicate name inside a group',
			(d) => {
				const g = d.steps[1]!.fields[0]!
				if (g.type === 'group') g.fields.push({ name: 'name', type: 'text', label: { cs: 'x' } })
			},
			'steps.1.fields.0.fields.1.name: duplicate field name "name" in group "dogs"',
		],
		[
			'a pattern that is not a regular expression',
			(d) => {
				const f = d.steps[0]!.fields[3]!
				if (f.type === 'text') f.pattern = '^(\\d{8}$'
			},
			'steps.0.fields.3.pattern: the pattern is not a valid regular expression',
		],
		[
			'a prefill binding that does not fit the field',
			(d) => (d.steps[0]!.fields[0]!.prefill = 'dateOfBirth'),
			'steps.0.fields.0.prefill: "dateOfBirth" cannot prefill a text field',
		],
		[
			'min above max',
			(d) => d.steps[0]!.fields.push({ name: 'count', type: 'number', label: { cs: 'Počet' }, min: 5, max: 1 }),
			'steps.0.fields.4.min: min (5) is greater than max (1)',
		],
		[
			'duplicate option values',
			(d) => {
				const f = d.steps[0]!.fields[2]!
				if (f.type === 'radio') f.options.push({ value: 'person', label: { cs: 'znovu' } })
			},
			'steps.0.fields.2.options.2.value: duplicate option value "person"',
		],
		['a duplicate step id', (d) => (d.steps[1]!.id = 'owner'), 'steps.1.id: duplicate step id "owner"'],
		['an unknown field type', (d) => ((d.steps[0]!.fields[0] as { type: string }).type = 'signature'), 'steps.0.fields.0'],
		['an unknown property (a typo)', (d) => ((d.steps[0]!.fields[0] as Record<string, unknown>).requried = true), 'steps.0.fields.0'],
		[
			'file fields but no attachments allowed',
			(d) => (d.attachments = { maxFiles: 0 }),
			'attachments.maxFiles: the form has file fields but allows no attachments',
		],
		['a missing Czech title', (d) => (d.title = { en: 'Dog' } as never), 'title.cs'],
	]
	test.each(broken)('is refused with the path of the problem: %s', (_, breakIt, expected) => {
		const definition = sampleDefinition()
		breakIt(definition)
		const problems = problemsOf(definition)
		expect(
			problems.some((problem) => problem.startsWith(expected)),
			problems.join('\n'),
		).toBe(true)
	})
})
