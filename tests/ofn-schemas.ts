// JSON Schema validation against the national OFN schemas shipped in docs/open-data/ofn-schemas/
// (copied verbatim from datagov-cz/otevrene-formalni-normy). Tests only.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv2019 from 'ajv/dist/2019'
import Ajv2020 from 'ajv/dist/2020'
import { REPO_ROOT } from './db'

const SCHEMAS = path.join(REPO_ROOT, 'docs/open-data/ofn-schemas')
// umístění.json points at a GeoJSON schema on GitHub that is not shipped; the board output never
// carries `umístění`, so a permissive stand-in keeps the reference resolvable offline.
// The OFN patterns escape ':' (\:), which a regular expression with the u flag refuses: unicodeRegExp is off.
const GEOJSON = 'https://raw.githubusercontent.com/ropensci/geojsonlint/master/inst/schema/geojson.json'

function addFormats(ajv: { addFormat: (name: string, format: (value: string) => boolean) => unknown }) {
	const isIri = (value: string) => {
		try {
			return Boolean(new URL(value).protocol)
		} catch {
			return false
		}
	}
	ajv.addFormat('iri', isIri)
	ajv.addFormat('date', (value) => /^\d{4}-\d{2}-\d{2}([+-]\d{2}:\d{2}|Z)?$/.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10))))
	ajv.addFormat('date-time', (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value)))
}

// The OFN identifiers carry Czech letters; Ajv resolves references in their percent-encoded form,
// so every $id and $ref is written that way (new URL().href) on both sides.
function encodeIds(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(encodeIds)
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, v]) => [key, (key === '$id' || key === '$ref') && typeof v === 'string' ? new URL(v).href : encodeIds(v)]),
		)
	}
	return value
}

function loadAll() {
	return readdirSync(SCHEMAS)
		.filter((name) => name.endsWith('.json'))
		.map((name) => encodeIds(JSON.parse(readFileSync(path.join(SCHEMAS, name), 'utf8'))) as { $id: string; $schema?: string })
}

/** A validator for an OFN schema by its $id; errors listed readably. */
export function ofnValidator(id: string) {
	const schemas = loadAll()
	const target = schemas.find((s) => s.$id === new URL(id).href)
	if (!target) throw new Error(`schema ${id} is not in docs/open-data/ofn-schemas`)
	const is2020 = target.$schema?.includes('2020-12')
	const ajv = is2020
		? new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false })
		: new Ajv2019({ strict: false, allErrors: true, unicodeRegExp: false })
	addFormats(ajv)
	ajv.addSchema({ $id: GEOJSON, type: 'object' })
	for (const schema of schemas) {
		if (schema === target) continue
		// The 2020-12 DCAT schemas refer to 2019-09 ones (text.json): drop the dialect marker so one validator holds both.
		const { $schema: _dialect, ...rest } = schema
		ajv.addSchema(is2020 || schema.$schema?.includes('2020-12') ? rest : schema)
	}
	const validate = ajv.compile(target)
	return (value: unknown) => {
		const ok = validate(value) as boolean
		return { ok, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`) }
	}
}
