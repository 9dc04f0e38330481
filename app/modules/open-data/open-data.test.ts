import { readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import jsonld from 'jsonld'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { applyTestBlueprint, REPO_ROOT, sql, testBlueprint, writeBlueprint } from '../../../tests/db'
import { ofnValidator } from '../../../tests/ofn-schemas'
import { boardCategoryNameCs } from '../board/board-category-names'
import { buildBoardOfn, loadCurrentBoardDocuments } from '../board/build-board-ofn.server'
import { checkBoardPdf } from '../board/check-board-pdf.server'
import { postBoardDocument } from '../board/post-board-document.server'
import { renderDemoBoardPdf } from '../board/render-demo-board-pdf.server'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { refreshStatistics } from '../statistics/refresh-statistics.server'
import { PUBLISHABLE } from '../statistics/statistics-figures'
import { buildCatalogue, buildDataset, DATASETS, DCAT_CONTEXT } from './open-data-catalogue'
import { buildOpenDataFile, OPEN_DATA_FILES } from './open-data-file.server'
import { getOpenDataTown } from './town-open-data.server'

// A town with Veselí's fee rules, forms and register of residents, and two documents on its board.
const VESELI = path.join(REPO_ROOT, 'tenants/veseli-nad-moravou')
const veseli = parse(readFileSync(path.join(VESELI, 'blueprint.yaml'), 'utf8')) as Record<string, unknown>
const slug = 'open-data-town'
const ORIGIN = 'https://deska.example'
const dir = writeBlueprint(
	testBlueprint(slug, {
		contact: { address: 'Náměstí 1, 123 45 Obec', email: 'podatelna@obec.example', phone: '+420 123 456 789', ico: '00285340' },
		fees: veseli.fees,
		forms: veseli.forms,
		submissionAgendas: veseli.submissionAgendas,
	}),
	{ files: { 'residents.yaml': readFileSync(path.join(VESELI, 'residents.yaml'), 'utf8') } },
)
await applyTestBlueprint(dir)
const [tenantRow] = await sql<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', [slug])
const db = getTenantDb({ id: tenantRow!.id, slug })
const now = new Date('2026-12-04T09:00:00Z')
const pdf = await checkBoardPdf('vyhláška.pdf', await renderDemoBoardPdf('Veřejná vyhláška', 'Text vyhlášky.'))
if (!pdf.ok) throw new Error('test PDF refused')
const meta = { ip: null, requestId: null }
await postBoardDocument({
	db,
	now,
	staffId: null,
	staffName: 'Referentka',
	meta,
	files: [pdf.file],
	input: {
		title: 'Veřejná vyhláška o uzavírce',
		description: 'Uzavírka ulice Zámecká.',
		category: 'notices',
		referenceNumber: 'MVnM/1/2026',
		fileMark: 'SZ/1/2026',
		concerns: 'vlastníci sousedních pozemků',
		postedFrom: '2026-12-04',
		postedUntil: '2026-12-19',
	},
})
await postBoardDocument({
	db,
	now,
	staffId: null,
	staffName: 'Referentka',
	meta,
	files: [],
	input: { title: 'Rozpočtové opatření č. 5', category: 'budget', postedFrom: '2026-12-04', postedUntil: '2026-12-31' },
})
await postBoardDocument({
	db,
	now,
	staffId: null,
	staffName: 'Referentka',
	meta,
	files: [],
	input: { title: 'Plánované oznámení', category: 'other', postedFrom: '2026-12-10', postedUntil: '2026-12-31' },
})
const town = await getOpenDataTown(db, ORIGIN)
// A citizen account named like a resident of the register, every figure published and the summary
// refreshed: the statistics dataset has rows, and a leak of the name would show in the scan below.
const register = parse(readFileSync(path.join(VESELI, 'residents.yaml'), 'utf8')) as {
	households: { address: string; residents: { givenName: string; familyName: string; dateOfBirth: string }[] }[]
}
const firstResident = register.households[0]!.residents[0]!
await db.person.create({ data: { givenName: firstResident.givenName, familyName: firstResident.familyName, createdAt: new Date('2026-11-10T10:00:00Z') } })
await db.townSettings.update({ where: { id: 1 }, data: { publishedStatistics: [...PUBLISHABLE] } })
await refreshStatistics({ pool: getPool(), slug, now })
// Two awarded grants: a club (IČO published) and a natural person whose application carries a
// register resident's birth date and street address, which the dataset must leave out (only the
// name and municipality of a natural person are published). A draft is not published at all.
const firstHousehold = register.households[0]!
const applicant = await db.person.create({ data: { givenName: 'Žadatel', familyName: 'Dotační' } })
const programme = await db.grantProgramme.create({
	data: {
		code: 'sport-2026',
		versions: {
			create: {
				version: 1,
				state: 'published',
				publishedAt: now,
				name: 'Sport 2026',
				purpose: 'Sport',
				totalBudget: 10_000_000,
				maxGrant: 1_000_000,
				calls: { create: { name: 'Výzva 2026', opensOn: new Date('2026-01-01'), closesOn: new Date('2026-02-01') } },
			},
		},
	},
	select: { versions: { select: { calls: { select: { id: true } } } } },
})
const callId = programme.versions[0]!.calls[0]!.id
const award = {
	state: 'awarded',
	decidingBody: 'rada',
	resolutionNumber: 'RM/12/2026',
	resolutionDate: new Date('2026-03-10'),
	decidedAt: new Date('2026-03-10T10:00:00Z'),
}
await db.grantApplication.create({
	data: {
		number: 'D-2026-1',
		callId,
		personId: applicant.id,
		applicantKind: 'legal',
		applicantName: 'TJ Sokol Obec',
		applicantIco: '12345678',
		purpose: 'Dresy pro mládež',
		awardedAmount: 4_550_050,
		...award,
	},
})
await db.grantApplication.create({
	data: {
		number: 'D-2026-2',
		callId,
		personId: applicant.id,
		applicantKind: 'natural',
		applicantName: 'Pavla Soukromá',
		municipality: 'Obec',
		address: firstHousehold.address,
		birthDate: new Date(`${firstResident.dateOfBirth}T00:00:00Z`),
		purpose: 'Turnaj',
		awardedAmount: 1_200_000,
		...award,
	},
})
await db.grantApplication.create({
	data: { number: 'D-2026-3', callId, personId: applicant.id, applicantKind: 'natural', applicantName: 'Nepodaný Koncept', purpose: 'Koncept' },
})

async function boardOfn() {
	const { documents } = await loadCurrentBoardDocuments({ db, now })
	return buildBoardOfn({ origin: ORIGIN, ico: town.ico! }, documents, boardCategoryNameCs)
}

describe('the official board as OFN "Úřední desky" JSON-LD', () => {
	test('validates against the national OFN JSON Schema and carries every field the issue names', async () => {
		const board = await boardOfn()
		const result = ofnValidator('https://ofn.gov.cz/úřední-desky/2021-07-20/schémata/úřední-deska.json')(board)
		expect(result.errors).toEqual([])
		expect(result.ok).toBe(true)
		expect(board).toMatchObject({
			'@context': 'https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld',
			stránka: `${ORIGIN}/uredni-deska`,
			provozovatel: { typ: 'Osoba', ičo: '00285340' },
		})
		// Only what is posted today: the planned document is not on the board yet.
		expect(board.informace.map((i) => i.název.cs).sort()).toEqual(['Rozpočtové opatření č. 5', 'Veřejná vyhláška o uzavírce'])
		const notice = board.informace.find((i) => i.název.cs === 'Veřejná vyhláška o uzavírce')!
		expect(notice).toMatchObject({
			iri: expect.stringMatching(/^https:\/\/deska\.example\/uredni-deska\/[0-9a-f-]{36}$/),
			vyvěšení: { typ: 'Časový okamžik', datum: '2026-12-04' },
			relevantní_do: { typ: 'Časový okamžik', datum: '2026-12-19' },
			číslo_jednací: 'MVnM/1/2026',
			spisová_značka: 'SZ/1/2026',
			agenda: [{ typ: 'Agenda', název: { cs: 'Oznámení a veřejné vyhlášky' } }],
		})
		expect(notice.url).toBe(notice.iri)
		expect(notice.dokument).toEqual([
			expect.objectContaining({ typ: 'Digitální objekt', název: { cs: 'vyhláška.pdf' }, url: expect.stringMatching(/\/priloha\/[0-9a-f-]{36}$/) }),
		])
	})

	test('the schema check can fail: a board without its operator or with a bad IČO is refused', async () => {
		const validate = ofnValidator('https://ofn.gov.cz/úřední-desky/2021-07-20/schémata/úřední-deska.json')
		const board = await boardOfn()
		expect(validate({ ...board, provozovatel: { typ: 'Osoba', ičo: '123' } }).ok).toBe(false)
		const { provozovatel: _operator, ...withoutOperator } = board
		expect(validate(withoutOperator).ok).toBe(false)
		expect(validate({ ...board, informace: [{ ...board.informace[0], vyvěšení: { typ: 'Časový okamžik', datum: 'včera' } }] }).ok).toBe(false)
	})
})

describe('the DCAT-AP-CZ catalogue', () => {
	const loader = async (url: string) => {
		if (url !== DCAT_CONTEXT) throw new Error(`unexpected remote context ${url}`)
		const document = JSON.parse(
			readFileSync(path.join(REPO_ROOT, 'docs/open-data/ofn-contexts/dcat-ap-cz-rozhrani-katalogu-otevrenych-dat-2024-05-28.jsonld'), 'utf8'),
		)
		return { contextUrl: null, documentUrl: url, document }
	}

	test('the catalogue validates against the standard schema and parses as JSON-LD into a dcat:Catalog listing every dataset', async () => {
		const catalogue = buildCatalogue({ ...town, ico: town.ico! })
		const result = ofnValidator('https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/schémata/katalog.json')(catalogue)
		expect(result.errors).toEqual([])
		const [expanded] = await jsonld.expand(catalogue, { documentLoader: loader })
		expect(expanded!['@id']).toBe(`${ORIGIN}/otevrena-data/katalog.jsonld`)
		expect(expanded!['@type']).toEqual(['http://www.w3.org/ns/dcat#Catalog'])
		expect(expanded!['http://purl.org/dc/terms/publisher']).toEqual([{ '@id': 'https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00285340' }])
		expect(expanded!['http://purl.org/dc/terms/title']).toEqual(
			expect.arrayContaining([expect.objectContaining({ '@language': 'cs' }), expect.objectContaining({ '@language': 'en' })]),
		)
		expect((expanded!['http://www.w3.org/ns/dcat#dataset'] as { '@id': string }[]).map((d) => d['@id'])).toEqual(
			DATASETS.map((d) => `${ORIGIN}/otevrena-data/datove-sady/${d.slug}`),
		)
	})

	test.each(DATASETS.map((d) => d.slug))('dataset %s: schema-valid, JSON-LD, with every required field and terms of use', async (datasetSlug) => {
		const dataset = buildDataset(
			{ ...town, ico: town.ico! },
			DATASETS.find((d) => d.slug === datasetSlug)!,
		)
		const result = ofnValidator('https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/schémata/datová-sada.json')(dataset)
		expect(result.errors).toEqual([])
		for (const field of ['název', 'popis', 'poskytovatel', 'téma', 'periodicita_aktualizace', 'klíčové_slovo', 'prvek_rúian', 'distribuce'] as const)
			expect(dataset[field]).toBeTruthy()
		expect(dataset.název).toEqual({ cs: expect.any(String), en: expect.any(String) })
		for (const distribution of dataset.distribuce) {
			expect(distribution).toMatchObject({
				typ: 'Distribuce',
				podmínky_užití: { typ: 'Specifikace podmínek užití' },
				formát: expect.stringContaining('/file-type/'),
				typ_média: expect.stringContaining('iana.org'),
				schéma: expect.any(String),
			})
			expect(distribution.soubor_ke_stažení.startsWith(ORIGIN)).toBe(true)
		}
		const [expanded] = await jsonld.expand(dataset, { documentLoader: loader })
		expect(expanded!['@type']).toEqual(['http://www.w3.org/ns/dcat#Dataset'])
		expect(expanded!['http://www.w3.org/ns/dcat#distribution']).toHaveLength(dataset.distribuce.length)
	})

	test('the fee-rate CSV has a CSV-W description naming every column, and the current rates', async () => {
		const csv = await buildOpenDataFile({ db, slug, origin: ORIGIN, file: 'sazby-poplatku.csv', now })
		const csvw = JSON.parse((await buildOpenDataFile({ db, slug, origin: ORIGIN, file: 'sazby-poplatku.csv-metadata.json', now })).body)
		const [header, ...lines] = csv.body.trimEnd().split('\r\n')
		expect(header!.split(',')).toEqual(csvw.tableSchema.columns.map((c: { name: string }) => c.name))
		expect(csvw.url).toBe(`${ORIGIN}/otevrena-data/soubory/sazby-poplatku.csv`)
		expect(lines.find((line) => line.startsWith('waste,'))).toMatch(/,2026,720,.*,20,05-31:100$/)
		const json = JSON.parse((await buildOpenDataFile({ db, slug, origin: ORIGIN, file: 'sazby-poplatku.json', now })).body)
		expect(json.poplatky.find((p: { kód: string }) => p.kód === 'waste')).toMatchObject({
			sazba_kč: 720,
			sleva_při_platbě_přes_portál_procent: 20,
			splatnosti: [{ den: '05-31', procento: 100 }],
		})
		const forms = await buildOpenDataFile({ db, slug, origin: ORIGIN, file: 'katalog-formularu.csv', now })
		expect(forms.body.split('\r\n').length).toBeGreaterThan(2)
	})

	test('the statistics CSV has a CSV-W description naming every column, and the published figures', async () => {
		const csv = await buildOpenDataFile({ db, slug, origin: ORIGIN, file: 'statistiky.csv', now })
		const csvw = JSON.parse((await buildOpenDataFile({ db, slug, origin: ORIGIN, file: 'statistiky.csv-metadata.json', now })).body)
		const [header, ...lines] = csv.body.trimEnd().split('\r\n')
		expect(header!.split(',')).toEqual(csvw.tableSchema.columns.map((c: { name: string }) => c.name))
		expect(csvw.url).toBe(`${ORIGIN}/otevrena-data/soubory/statistiky.csv`)
		expect(csv.lastModified).toEqual((await db.statisticRefresh.findUnique({ where: { id: 1 } }))?.refreshedAt)
		expect(lines.length).toBeGreaterThan(0)
		expect(lines.every((line) => line.split(',').length === header!.split(',').length)).toBe(true)
		// The one citizen account, created in November 2026.
		expect(lines).toContain('users,count,2026-11,2026-11,1')
		// Every published monthly figure; per-form figures (resolution) only once a form has resolved submissions.
		const figures = new Set(lines.map((line) => line.split(',')[0]))
		expect([...figures].every((figure) => (PUBLISHABLE as readonly string[]).includes(figure!))).toBe(true)
		expect([...figures]).toEqual(expect.arrayContaining(['users', 'active_users', 'submissions', 'payments_share', 'waste_share', 'discount', 'overdue_share']))
		const record = DATASETS.find((d) => d.slug === 'statistiky')!
		expect(record.distributions.map((d) => d.path)).toEqual(['/otevrena-data/soubory/statistiky.csv', '/otevrena-data/soubory/statistiky.json'])
		expect(record.distributions[0]!.schemaPath).toBe('/otevrena-data/soubory/statistiky.csv-metadata.json')
	})

	test('the awarded grants: in the catalogue, a CSV with its CSV-W description, amounts in Kč, no draft and no birth date or address', async () => {
		expect(DATASETS.find((d) => d.slug === 'poskytnute-dotace')!.distributions.map((d) => [d.path, d.schemaPath])).toEqual([
			['/otevrena-data/soubory/poskytnute-dotace.csv', '/otevrena-data/soubory/poskytnute-dotace.csv-metadata.json'],
			['/otevrena-data/soubory/poskytnute-dotace.json', '/otevrena-data/soubory/poskytnute-dotace.schema.json'],
		])
		const csv = await buildOpenDataFile({ db, slug, origin: ORIGIN, file: 'poskytnute-dotace.csv', now })
		const csvw = JSON.parse((await buildOpenDataFile({ db, slug, origin: ORIGIN, file: 'poskytnute-dotace.csv-metadata.json', now })).body)
		const [header, ...lines] = csv.body.trimEnd().split('\r\n')
		expect(header!.split(',')).toEqual(csvw.tableSchema.columns.map((c: { name: string }) => c.name))
		expect(csvw.url).toBe(`${ORIGIN}/otevrena-data/soubory/poskytnute-dotace.csv`)
		expect(lines.sort()).toEqual([
			'Pavla Soukromá,,Obec,Turnaj,12000.00,Sport 2026,2026,RM/12/2026',
			'TJ Sokol Obec,12345678,,Dresy pro mládež,45500.50,Sport 2026,2026,RM/12/2026',
		])
		expect(csv.lastModified).toBeInstanceOf(Date)
		const json = JSON.parse((await buildOpenDataFile({ db, slug, origin: ORIGIN, file: 'poskytnute-dotace.json', now })).body)
		expect(json.dotace).toContainEqual(expect.objectContaining({ recipient: 'TJ Sokol Obec', amount_czk: 45500.5, ico: '12345678' }))
		expect(json.dotace.every((row: Record<string, unknown>) => !('amount' in row))).toBe(true)
	})

	test('each JSON distribution validates against the JSON Schema it names', async () => {
		for (const name of ['sazby-poplatku', 'katalog-formularu', 'statistiky', 'poskytnute-dotace'] as const) {
			const schema = JSON.parse((await buildOpenDataFile({ db, slug, origin: ORIGIN, file: `${name}.schema.json`, now })).body)
			const value = JSON.parse((await buildOpenDataFile({ db, slug, origin: ORIGIN, file: `${name}.json`, now })).body)
			const ajv = new Ajv2020({ strict: false, allErrors: true })
			ajv.addFormat('uri', (text: string) => URL.canParse(text))
			const validate = ajv.compile(schema)
			expect(validate(value), JSON.stringify(validate.errors)).toBe(true)
			expect(validate({}), `${name}: an empty object must fail`).toBe(false)
		}
	})
})

describe('no personal data in any public dataset', () => {
	test("no demo resident's name, date of birth or address appears in the board, the catalogue, the records or any file", async () => {
		const residents = register.households.flatMap((h) => h.residents)
		expect(residents.length).toBeGreaterThan(3)
		const needles = [
			...register.households.map((h) => h.address),
			...register.households.map((h) => h.address.split(',')[0]!),
			...residents.map((r) => `${r.givenName} ${r.familyName}`),
			...residents.map((r) => r.familyName),
			...residents.flatMap((r) => {
				const [y, m, d] = r.dateOfBirth.split('-')
				return [r.dateOfBirth, `${Number(d)}. ${Number(m)}. ${y}`, `${d}.${m}.${y}`]
			}),
		]
		// The register really is in the database, so a leak would have something to leak.
		expect(await db.resident.count()).toBe(residents.length)
		const outputs: Record<string, string> = {
			board: JSON.stringify(await boardOfn()),
			catalogue: JSON.stringify(buildCatalogue({ ...town, ico: town.ico! })),
			...Object.fromEntries(DATASETS.map((d) => [`dataset ${d.slug}`, JSON.stringify(buildDataset({ ...town, ico: town.ico! }, d))])),
		}
		expect(OPEN_DATA_FILES).toEqual(
			expect.arrayContaining(['statistiky.csv', 'statistiky.json', 'statistiky.csv-metadata.json', 'poskytnute-dotace.csv', 'poskytnute-dotace.json']),
		)
		for (const file of OPEN_DATA_FILES) outputs[file] = (await buildOpenDataFile({ db, slug, origin: ORIGIN, file, now })).body
		const leaks = Object.entries(outputs).flatMap(([name, text]) => needles.filter((needle) => text.includes(needle)).map((needle) => `${name}: ${needle}`))
		expect(leaks).toEqual([])
	})
})
