import { FormDefinitionSchema, type FormDefinition } from '../forms/form-definition-schema'

export type DefinitionProblem = { path: string; message: string }

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
	return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) }
}
