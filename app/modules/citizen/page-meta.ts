import type { MetaDescriptor } from '@remix-run/node'

type Matches = { id: string; data: unknown }[]

/** "<page> – <town>", the title pattern of every town page (WCAG 2.4.2). */
export function townPageMeta(title: string | undefined, matches: Matches): MetaDescriptor[] {
	const town = (matches.find((match) => match.id === 'root')?.data as { town?: { name?: string } | null } | undefined)?.town?.name
	return [{ title: [title, town].filter(Boolean).join(' – ') || 'Portál občana' }]
}
