import boardCs from '../../locales/cs/board.json'

/** The Czech name of a category (the OFN output is in Czech). */
export function boardCategoryNameCs(code: string): string {
	return (boardCs.categories as Record<string, string>)[code] ?? code
}
