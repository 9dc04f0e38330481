/** A refusal the user can fix; `key` is a message in grants.json (errors.*), `field` the form field it belongs to. */
export class GrantInputError extends Error {
	constructor(
		readonly key: string,
		readonly field: string | null = null,
		readonly values: Record<string, string | number> = {},
	) {
		super(key)
		this.name = 'GrantInputError'
	}
}
