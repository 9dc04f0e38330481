// Which plain-language hint (designer.problem.<key>, forms-office) fits a definition problem, judged by
// its path; the schema's own message stays beside it for the details.
const HINTS: [RegExp, string][] = [
	[/visibleWhen(\.|$)/, 'condition'],
	[/\.cs$/, 'czech'],
	[/\.options$/, 'options'],
	[/\.fields$/, 'fields'],
	[/^steps$/, 'steps'],
	[/^steps\.\d+\.id$/, 'stepId'],
	[/\.name$/, 'name'],
	[/\.pattern$/, 'pattern'],
	[/^agenda$/, 'agenda'],
]

export function problemHint(path: string): string | null {
	return HINTS.find(([pattern]) => pattern.test(path))?.[1] ?? null
}
