// The builder explains the usual refusals in the admin's language; each hint key exists in cs/en/uk.
import { describe, expect, test } from 'vitest'
import cs from '../../locales/cs/forms-office.json'
import en from '../../locales/en/forms-office.json'
import uk from '../../locales/uk/forms-office.json'
import { problemHint } from './problem-hint'

describe('builder problem hints', () => {
	test.each([
		['steps.0.fields.0.visibleWhen.field', 'condition'],
		['steps.0.fields.5.visibleWhen.value', 'condition'],
		['steps.0.fields.5.options', 'options'],
		['steps.0.fields.5.label.cs', 'czech'],
		['steps.1.fields.2.name', 'name'],
		['steps.0.fields.3.pattern', 'pattern'],
		['steps.0.fields', 'fields'],
		['steps', 'steps'],
		['steps.2.id', 'stepId'],
		['agenda', 'agenda'],
		['retentionYears', null],
	])('%s -> %s', (path, hint) => {
		expect(problemHint(path)).toBe(hint)
		if (hint) for (const texts of [cs, en, uk]) expect((texts.designer.problem as Record<string, string>)[hint]).toBeTruthy()
	})
})
