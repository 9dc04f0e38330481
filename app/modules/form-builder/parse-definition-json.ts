import { FormDefinitionSchema, type FormDefinition } from '../forms/form-definition-schema'

/**
 * One problem of a definition or an edit: where (the JSON path), what (English, for the JSON editor and
 * logs) and, when known, which rule (a key the builder shows in the clerk's language, with its values).
 */
export type DefinitionProblem = { path: string; message: string; rule?: string; values?: Record<string, string | number> }

/** A zod issue as a problem: the rule from checkDefinitionRules, or one derived from the issue's kind. */
export function problemFromIssue(issue: {
	path: PropertyKey[]
	message: string
	code: string
	params?: Record<string, unknown>
	minimum?: unknown
	maximum?: unknown
	origin?: string
	input?: unknown
}): DefinitionProblem {
	const path = issue.path.map(String).join('.')
	const problem: DefinitionProblem = { path, message: issue.message }
	const { rule, ...rest } = issue.params ?? {}
	if (typeof rule === 'string')
		return {
			...problem,
			rule,
			values: Object.fromEntries(
				Object.entries(rest).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'),
			),
		}
	if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return { ...problem, rule: 'required' }
	if (issue.code === 'invalid_type' && issue.input === undefined) return { ...problem, rule: 'required' }
	if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int'))
		return { ...problem, rule: 'tooSmall', values: { min: Number(issue.minimum) } }
	if (issue.code === 'too_big' && (issue.origin === 'number' || issue.origin === 'int'))
		return { ...problem, rule: 'tooBig', values: { max: Number(issue.maximum) } }
	if (issue.code === 'too_big' && issue.origin === 'string') return { ...problem, rule: 'tooLong', values: { max: Number(issue.maximum) } }
	if (issue.code === 'invalid_format' && /\.(name|fieldName)$|^name$/.test(path)) return { ...problem, rule: 'name' }
	if (issue.code === 'invalid_format' && /(^|\.)code$/.test(path)) return { ...problem, rule: 'code' }
	if (issue.code === 'invalid_format' && /(^|\.)id$/.test(path)) return { ...problem, rule: 'stepId' }
	if (issue.code === 'invalid_format' && /\.accept\.\d+$/.test(path)) return { ...problem, rule: 'fileType' }
	if (issue.code === 'invalid_union' && /\.(min|max)$/.test(path)) return { ...problem, rule: 'notDate' }
	if (issue.code === 'invalid_format' && /^(lifeSituation|agenda)$/.test(path)) return { ...problem, rule: 'code' }
	return problem
}

/** Parses an imported or edited definition; every problem carries its JSON path (e.g. steps.0.fields.2.label.cs). */
export function parseDefinitionJson(text: string): { ok: true; definition: FormDefinition } | { ok: false; problems: DefinitionProblem[] } {
	let json: unknown
	try {
		json = JSON.parse(text)
	} catch (error) {
		return { ok: false, problems: [{ path: '', message: error instanceof Error ? error.message : 'invalid JSON' }] }
	}
	const parsed = FormDefinitionSchema.safeParse(json)
	if (parsed.success) return { ok: true, definition: parsed.data }
	return { ok: false, problems: parsed.error.issues.map(problemFromIssue) }
}
