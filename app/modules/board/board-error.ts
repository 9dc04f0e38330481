/** A refusal the clerk can fix; `key` is a message in board.json (errors.*), `field` the form field it belongs to. */
export class BoardInputError extends Error {
	constructor(
		readonly key: string,
		readonly field: string | null = null,
	) {
		super(key)
		this.name = 'BoardInputError'
	}
}
