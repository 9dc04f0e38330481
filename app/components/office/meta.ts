import type { MetaFunction } from '@remix-run/node'

/** Page title from the loader's `title` (already in the visitor's language, with the town's name). */
export const titleMeta: MetaFunction = ({ data }) => {
	const title = data && typeof data === 'object' && 'title' in data && typeof data.title === 'string' ? data.title : 'Portál občana'
	return [{ title }]
}
