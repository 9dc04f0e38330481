// The town's local open-data catalogue (LKOD) in DCAT-AP-CZ, shaped by the standard "DCAT-AP-CZ
// rozhraní katalogů otevřených dat" (2024-05-28): the catalogue lists its datasets by IRI, and each
// dataset IRI answers with the dataset's own JSON-LD record, which the national catalogue (NKOD)
// harvests. Pure functions; docs/open-data/ofn-schemas/ holds the schemas the tests check them against.
import type { LocalizedText } from '../i18n/locales'
import type { OpenDataTown } from './town-open-data.server'

export const DCAT_CONTEXT = 'https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/kontexty/rozhraní-katalogů-otevřených-dat.jsonld'
export const OFN_BOARD_SCHEMA = 'https://ofn.gov.cz/úřední-desky/2021-07-20/schémata/úřední-deska.json'

const EU = 'http://publications.europa.eu/resource/authority'
const IANA = 'http://www.iana.org/assignments/media-types'
const TERMS = 'https://data.gov.cz/podmínky-užití'

type Distribution = {
	slug: string
	path: string
	format: 'JSON_LD' | 'CSV' | 'JSON'
	mediaType: string
	schemaPath?: string
	schemaUrl?: string
	title: { cs: string; en: string }
	personalData: boolean
}
export type DatasetDefinition = {
	slug: string
	title: { cs: string; en: string }
	description: { cs: string; en: string }
	theme: string
	frequency: string
	keywords: { cs: string[]; en: string[] }
	specification?: string
	distributions: Distribution[]
}

/**
 * The two distributions of a "CSV with CSV-W" dataset (csv-dataset.server.ts serves the files):
 * the CSV described by its CSV-W metadata, and the same rows as JSON described by a JSON Schema.
 * `personalData` says whether the rows may name a person (awarded grants name natural persons as
 * zákon 250/2000 Sb. §10d asks).
 */
export function csvDistributions(file: string, title: { cs: string; en: string }, personalData = false): Distribution[] {
	const path = `/otevrena-data/soubory/${file}`
	return [
		{
			slug: 'csv',
			path: `${path}.csv`,
			format: 'CSV',
			mediaType: 'text/csv',
			schemaPath: `${path}.csv-metadata.json`,
			title: { cs: `${title.cs} (CSV)`, en: `${title.en} (CSV)` },
			personalData,
		},
		{
			slug: 'json',
			path: `${path}.json`,
			format: 'JSON',
			mediaType: 'application/json',
			schemaPath: `${path}.schema.json`,
			title: { cs: `${title.cs} (JSON)`, en: `${title.en} (JSON)` },
			personalData,
		},
	]
}

/** The datasets this portal publishes (decision 015; the CSV ones share csv-dataset.server.ts, decision 028). */
export const DATASETS: DatasetDefinition[] = [
	{
		slug: 'uredni-deska',
		title: { cs: 'Úřední deska', en: 'Official notice board' },
		description: {
			cs: 'Dokumenty právě vyvěšené na elektronické úřední desce města: název, číslo jednací, spisová značka, datum vyvěšení a sejmutí, kategorie a odkazy na přílohy.',
			en: 'Documents currently posted on the town’s electronic official notice board: title, reference number, file mark, posting and removal dates, category and links to the attachments.',
		},
		theme: 'GOVE',
		frequency: 'DAILY',
		keywords: { cs: ['úřední deska', 'vyvěšené dokumenty', 'obec'], en: ['official notice board', 'posted documents', 'municipality'] },
		specification: 'https://ofn.gov.cz/úřední-desky/2021-07-20/',
		distributions: [
			{
				slug: 'jsonld',
				path: '/uredni-deska.jsonld',
				format: 'JSON_LD',
				mediaType: 'application/ld+json',
				schemaUrl: OFN_BOARD_SCHEMA,
				title: { cs: 'Úřední deska v OFN (JSON-LD)', en: 'Official board in the OFN standard (JSON-LD)' },
				personalData: true,
			},
		],
	},
	{
		slug: 'sazby-poplatku',
		title: { cs: 'Sazby místních poplatků', en: 'Local fee rates' },
		description: {
			cs: 'Sazby místních poplatků města pro běžný rok: sazba, úlevy a osvobození, sleva při zaplacení přes portál a splatnosti.',
			en: 'The town’s local fee rates for the current year: rate, reliefs and exemptions, the discount for paying through the portal, and due dates.',
		},
		theme: 'ECON',
		frequency: 'ANNUAL',
		keywords: { cs: ['místní poplatky', 'sazby', 'poplatek za odpad', 'poplatek ze psů'], en: ['local fees', 'rates', 'waste fee', 'dog fee'] },
		distributions: csvDistributions('sazby-poplatku', { cs: 'Sazby poplatků', en: 'Fee rates' }),
	},
	{
		slug: 'katalog-formularu',
		title: { cs: 'Katalog elektronických formulářů', en: 'Catalogue of online forms' },
		description: {
			cs: 'Formuláře, které lze u města podat elektronicky přes portál občana, a zda vyžadují přihlášení identitou občana.',
			en: 'The forms that can be filed with the town online through the citizen portal, and whether they require the national eID login.',
		},
		theme: 'GOVE',
		frequency: 'IRREG',
		keywords: { cs: ['formuláře', 'elektronické podání', 'životní situace'], en: ['forms', 'online filing', 'life situations'] },
		distributions: csvDistributions('katalog-formularu', { cs: 'Katalog formulářů', en: 'Form catalogue' }),
	},
	{
		slug: 'statistiky',
		title: { cs: 'Statistiky portálu občana', en: 'Citizen portal statistics' },
		description: {
			cs: 'Souhrnné ukazatele, které město zveřejňuje na stránce Statistiky, po měsících za posledních 12 měsíců: například počet uživatelů, podaných formulářů a podíl plateb přes portál. Jen agregované údaje, žádné osobní údaje.',
			en: 'The aggregate figures the town publishes on its Statistics page, by month over the last 12 months: for example the number of users, filed forms and the share of payments made through the portal. Aggregates only, no personal data.',
		},
		theme: 'GOVE',
		frequency: 'MONTHLY',
		keywords: { cs: ['statistiky', 'portál občana', 'elektronické podání', 'platby'], en: ['statistics', 'citizen portal', 'online filing', 'payments'] },
		distributions: csvDistributions('statistiky', { cs: 'Statistiky', en: 'Statistics' }),
	},
	{
		slug: 'poskytnute-dotace',
		title: { cs: 'Poskytnuté dotace', en: 'Awarded grants' },
		description: {
			cs: 'Dotace, které obec poskytla ze svého rozpočtu: příjemce (u fyzické osoby jen jméno a obec, jak dovoluje zákon č. 250/2000 Sb.), IČO právnické osoby, účel, částka, dotační program, rok a číslo usnesení.',
			en: 'Grants the municipality awarded from its budget: the recipient (for a natural person only the name and municipality, as act 250/2000 Coll. allows), the company ID of a legal person, purpose, amount, programme, year and resolution number.',
		},
		theme: 'GOVE',
		frequency: 'IRREG',
		keywords: {
			cs: ['dotace', 'poskytnuté dotace', 'rozpočet obce', 'veřejná podpora'],
			en: ['grants', 'awarded grants', 'municipal budget', 'public support'],
		},
		distributions: csvDistributions('poskytnute-dotace', { cs: 'Poskytnuté dotace', en: 'Awarded grants' }, true),
	},
]

export const catalogueUrl = (origin: string) => `${origin}/otevrena-data/katalog.jsonld`
export const datasetIri = (origin: string, slug: string) => `${origin}/otevrena-data/datove-sady/${slug}`
export const publisherIri = (ico: string) => `https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/${ico}`

const townName = (town: OpenDataTown): { cs: string; en: string } => ({ cs: town.name.cs, en: (town.name as LocalizedText).en ?? town.name.cs })
const contactPoint = (town: OpenDataTown) => ({ typ: 'Organizace', jméno: townName(town), ...(town.email ? { 'e-mail': `mailto:${town.email}` } : {}) })

export function buildCatalogue(town: OpenDataTown & { ico: string }) {
	const name = townName(town)
	return {
		'@context': DCAT_CONTEXT,
		iri: catalogueUrl(town.origin),
		typ: 'Katalog',
		název: { cs: `Katalog otevřených dat – ${name.cs}`, en: `Open data catalogue – ${name.en}` },
		popis: { cs: `Otevřená data, která ${name.cs} zveřejňuje na svém portálu občana.`, en: `Open data published by ${name.en} on its citizen portal.` },
		poskytovatel: publisherIri(town.ico),
		kontaktní_bod: contactPoint(town),
		domovská_stránka: `${town.origin}/otevrena-data`,
		datová_sada: DATASETS.map((dataset) => datasetIri(town.origin, dataset.slug)),
	}
}

export function buildDataset(town: OpenDataTown & { ico: string }, dataset: DatasetDefinition) {
	const name = townName(town)
	const iri = datasetIri(town.origin, dataset.slug)
	return {
		'@context': DCAT_CONTEXT,
		iri,
		typ: 'Datová sada',
		název: { cs: `${dataset.title.cs} – ${name.cs}`, en: `${dataset.title.en} – ${name.en}` },
		popis: dataset.description,
		poskytovatel: publisherIri(town.ico),
		téma: [`${EU}/data-theme/${dataset.theme}`],
		periodicita_aktualizace: `${EU}/frequency/${dataset.frequency}`,
		klíčové_slovo: dataset.keywords,
		prvek_rúian: [
			town.municipalityCode ? `https://linked.cuzk.cz/resource/ruian/obec/${town.municipalityCode}` : 'https://linked.cuzk.cz/resource/ruian/stat/1',
		],
		geografické_území: [`${EU}/country/CZE`],
		kontaktní_bod: contactPoint(town),
		dokumentace: `${town.origin}/otevrena-data`,
		...(dataset.specification ? { specifikace: [dataset.specification] } : {}),
		distribuce: dataset.distributions.map((distribution) => ({
			iri: `${iri}/distribuce/${distribution.slug}`,
			typ: 'Distribuce',
			název: distribution.title,
			podmínky_užití: {
				typ: 'Specifikace podmínek užití',
				autorské_dílo: `${TERMS}/neobsahuje-autorská-díla/`,
				databáze_jako_autorské_dílo: `${TERMS}/není-autorskoprávně-chráněnou-databází/`,
				databáze_chráněná_zvláštními_právy: `${TERMS}/není-chráněna-zvláštním-právem-pořizovatele-databáze/`,
				osobní_údaje: `${TERMS}/${distribution.personalData ? 'obsahuje' : 'neobsahuje'}-osobní-údaje/`,
			},
			přístupové_url: `${town.origin}${distribution.path}`,
			soubor_ke_stažení: `${town.origin}${distribution.path}`,
			formát: `${EU}/file-type/${distribution.format}`,
			typ_média: `${IANA}/${distribution.mediaType}`,
			...(distribution.schemaUrl ? { schéma: distribution.schemaUrl } : distribution.schemaPath ? { schéma: `${town.origin}${distribution.schemaPath}` } : {}),
		})),
	}
}
