import type { TenantDb } from '../db/tenant-db.server'
import type { LocalizedText } from '../i18n/locales'
import type { CsvColumn } from './csv'
import type { CsvDataset } from './csv-dataset.server'
import { formCatalogueJsonSchema } from './json-schemas'

// The form catalogue (issue 17): what can be filed online, with or without NIA login.

export const FORM_CATALOGUE_COLUMNS: CsvColumn[] = [
	{ name: 'kod', titles: { cs: 'Kód formuláře', en: 'Form code' }, datatype: 'string' },
	{ name: 'nazev', titles: { cs: 'Název', en: 'Title (Czech)' }, datatype: 'string' },
	{ name: 'nazev_en', titles: { cs: 'Název anglicky', en: 'Title (English)' }, datatype: 'string' },
	{ name: 'popis', titles: { cs: 'Popis', en: 'Description (Czech)' }, datatype: 'string' },
	{ name: 'zivotni_situace', titles: { cs: 'Životní situace', en: 'Life situation' }, datatype: 'string' },
	{ name: 'vyzaduje_prihlaseni', titles: { cs: 'Vyžaduje přihlášení identitou občana', en: 'Requires NIA login' }, datatype: 'boolean' },
	{ name: 'url', titles: { cs: 'Adresa formuláře', en: 'Form URL' }, datatype: 'string' },
]

export async function loadFormCatalogue({ db, origin }: { db: TenantDb; origin: string }) {
	const forms = await db.form.findMany({
		where: { isActive: true, versions: { some: { publishedAt: { not: null } } } },
		orderBy: { code: 'asc' },
		select: {
			code: true,
			title: true,
			description: true,
			lifeSituation: true,
			updatedAt: true,
			versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'desc' }, take: 1, select: { definition: true, publishedAt: true } },
		},
	})
	let lastModified: Date | null = null
	const rows = forms.map((form) => {
		const published = form.versions[0]
		const changed = published?.publishedAt ?? form.updatedAt
		if (!lastModified || changed > lastModified) lastModified = changed
		const title = form.title as LocalizedText
		const description = form.description as Partial<LocalizedText>
		return {
			kod: form.code,
			nazev: title.cs,
			nazev_en: title.en ?? '',
			popis: description.cs ?? '',
			zivotni_situace: form.lifeSituation,
			vyzaduje_prihlaseni: (published?.definition as { requiresLogin?: boolean } | undefined)?.requiresLogin !== false,
			url: `${origin}/formulare/${form.code}`,
		}
	})
	return { rows, lastModified: lastModified as Date | null }
}

type FormCatalogueRow = Awaited<ReturnType<typeof loadFormCatalogue>>['rows'][number]

export const FORM_CATALOGUE_DATASET: CsvDataset<FormCatalogueRow> = {
	file: 'katalog-formularu',
	title: () => ({ cs: 'Katalog elektronických formulářů', en: 'Catalogue of online forms' }),
	columns: FORM_CATALOGUE_COLUMNS,
	primaryKey: ['kod'],
	load: ({ db, origin }) => loadFormCatalogue({ db, origin }),
	json: (rows) => ({ formuláře: rows }),
	jsonSchema: formCatalogueJsonSchema,
}
