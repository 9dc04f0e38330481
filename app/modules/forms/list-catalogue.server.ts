import type { TenantDb } from '../db/tenant-db.server'
import { pickText, type Locale, type LocalizedText } from '../i18n/locales'

export type CatalogueEntry = { code: string; title: string; description: string; lifeSituation: string; isAnonymousAllowed: boolean }

// Diacritics-insensitive: "zabor" finds "Zábor", "psa" finds "psa".
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** The town's active forms in the citizen's language, grouped by life situation, filtered by a search. */
export async function listCatalogue({ db, locale, query }: { db: TenantDb; locale: Locale; query?: string }) {
	const forms = await db.form.findMany({
		where: { isActive: true, versions: { some: { publishedAt: { not: null } } } },
		select: {
			code: true,
			title: true,
			description: true,
			lifeSituation: true,
			versions: { orderBy: { version: 'desc' }, take: 1, select: { definition: true } },
		},
		orderBy: { code: 'asc' },
	})
	const words = fold(query ?? '')
		.split(/\s+/)
		.filter(Boolean)
	const entries: CatalogueEntry[] = forms
		.map((form) => ({
			code: form.code,
			title: pickText(form.title as LocalizedText, locale),
			description: pickText(form.description as LocalizedText, locale) || '',
			lifeSituation: form.lifeSituation,
			isAnonymousAllowed: (form.versions[0]?.definition as { requiresLogin?: boolean } | undefined)?.requiresLogin === false,
		}))
		.filter((entry) => words.every((word) => fold(`${entry.title} ${entry.description}`).includes(word)))
		.sort((a, b) => a.title.localeCompare(b.title, locale))
	const groups = new Map<string, CatalogueEntry[]>()
	for (const entry of entries) groups.set(entry.lifeSituation, [...(groups.get(entry.lifeSituation) ?? []), entry])
	return [...groups.entries()].map(([lifeSituation, items]) => ({ lifeSituation, forms: items }))
}
