// The board's categories (agenda in the OFN output). Codes are stable; names live in board.json.
export const BOARD_CATEGORIES = ['notices', 'decrees', 'budget', 'building', 'environment', 'property', 'elections', 'other'] as const
export type BoardCategory = (typeof BOARD_CATEGORIES)[number]

export function isBoardCategory(value: string): value is BoardCategory {
	return (BOARD_CATEGORIES as readonly string[]).includes(value)
}
