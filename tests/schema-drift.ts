// Compares a Prisma schema (parsed by Prisma's own schema parser, the same wasm the CLI ships) with
// what the SQL migrations actually built in one Postgres schema, in both directions. Used by
// app/modules/db/drift.test.ts; kept apart so the test can also feed it deliberately broken inputs.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { isDeepStrictEqual } from 'node:util'
import type pg from 'pg'
import type * as PrismaSchemaWasm from '@prisma/prisma-schema-wasm'

const require = createRequire(import.meta.url)
// A CommonJS wasm-bindgen module; require() keeps Node from guessing its named exports.
const prismaSchemaWasm = require('@prisma/prisma-schema-wasm') as typeof PrismaSchemaWasm

// ---------------------------------------------------------------------------------------------
// The Prisma side

type DmmfDefault = string | number | boolean | unknown[] | { name: string; args: unknown[] }

export type DmmfField = {
	name: string
	dbName?: string | null
	kind: 'scalar' | 'enum' | 'object' | 'unsupported'
	type: string
	isList: boolean
	isRequired: boolean
	isUpdatedAt: boolean
	hasDefaultValue: boolean
	default?: DmmfDefault
	nativeType?: [string, string[]] | null
	relationFromFields?: string[]
	relationToFields?: string[]
	relationOnDelete?: string
	relationOnUpdate?: string
}

export type DmmfModel = { name: string; dbName: string | null; schema?: string | null; fields: DmmfField[] }
export type DmmfIndex = {
	model: string
	type: 'id' | 'unique' | 'normal' | 'fulltext'
	dbName?: string | null
	algorithm?: string
	fields: { name: string; sortOrder?: 'asc' | 'desc' }[]
}
export type DmmfEnum = { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }
export type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] }

/** The data model of a schema.prisma text, as Prisma itself reads it (get_dmmf). */
export function readPrismaDatamodel(schemaText: string, fileName = 'schema.prisma'): Datamodel {
	const dmmf = JSON.parse(prismaSchemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [[fileName, schemaText]] })))
	return dmmf.datamodel as Datamodel
}

export function readPrismaDatamodelFile(file: string) {
	return readPrismaDatamodel(readFileSync(file, 'utf8'), file)
}

// ---------------------------------------------------------------------------------------------
// The database side

export type DbColumn = { table: string; name: string; type: string; notNull: boolean; default: string | null; identity: string; generated: string }
export type DbConstraint = {
	table: string
	name: string
	type: string
	columns: string[]
	foreignTable: string | null
	foreignColumns: string[]
	onDelete: string
	onUpdate: string
	definition: string
}
export type DbIndex = {
	table: string
	name: string
	isUnique: boolean
	isPrimary: boolean
	columns: (string | null)[]
	descending: boolean[]
	method: string
	predicate: string | null
	definition: string
}
export type DbSnapshot = {
	schema: string
	relations: { name: string; kind: string }[]
	columns: DbColumn[]
	constraints: DbConstraint[]
	indexes: DbIndex[]
	enums: { name: string; values: string[] }[]
	sequences: { name: string; ownedBy: string | null }[]
	otherTypes: string[]
	functions: string[]
	triggers: string[]
	policies: string[]
}

/** Everything in one Postgres schema that a Prisma schema could say something about. */
export async function readDatabaseSchema(db: pg.Pool | pg.PoolClient, schema: string): Promise<DbSnapshot> {
	const q = async <T>(text: string) => (await db.query(text, [schema])).rows as T[]
	const [relations, columns, constraints, indexes, enums, sequences, otherTypes, functions, triggers, policies] = await Promise.all([
		q<{ name: string; kind: string }>(
			`SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			  WHERE n.nspname = $1 ORDER BY 1`,
		),
		q<DbColumn>(
			`SELECT c.relname AS table, a.attname AS name,
			        CASE WHEN t.typtype = 'e' THEN 'enum:' || tn.nspname || '.' || t.typname
			             WHEN et.typtype = 'e' THEN 'enum:' || etn.nspname || '.' || et.typname || '[]'
			             ELSE format_type(a.atttypid, a.atttypmod) END AS type,
			        a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS default,
			        a.attidentity::text AS identity, a.attgenerated::text AS generated
			   FROM pg_attribute a
			   JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')
			   JOIN pg_namespace n ON n.oid = c.relnamespace
			   JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = t.typnamespace
			   LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
			   LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
			   LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			  WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped
			  ORDER BY c.relname, a.attnum`,
		),
		q<DbConstraint>(
			`SELECT c.relname AS table, con.conname AS name, con.contype::text AS type,
			        ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, i)
			              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.i) AS columns,
			        fc.relname AS "foreignTable",
			        ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, i)
			              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.i) AS "foreignColumns",
			        con.confdeltype::text AS "onDelete", con.confupdtype::text AS "onUpdate",
			        pg_get_constraintdef(con.oid) AS definition
			   FROM pg_constraint con
			   JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			   LEFT JOIN pg_class fc ON fc.oid = con.confrelid
			  WHERE n.nspname = $1 ORDER BY 1, 2`,
		),
		q<DbIndex>(
			`SELECT c.relname AS table, i.relname AS name, x.indisunique AS "isUnique", x.indisprimary AS "isPrimary",
			        ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(num, i)
			              LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.num ORDER BY k.i) AS columns,
			        ARRAY(SELECT (o & 1) = 1 FROM unnest(x.indoption::int2[]) WITH ORDINALITY k(o, i) ORDER BY k.i) AS descending,
			        am.amname AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate, pg_get_indexdef(x.indexrelid) AS definition
			   FROM pg_index x
			   JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
			   JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = i.relam
			  WHERE n.nspname = $1 ORDER BY 1, 2`,
		),
		q<{ name: string; values: string[] }>(
			`SELECT t.typname AS name, ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
			   FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			  WHERE n.nspname = $1 AND t.typtype = 'e' ORDER BY 1`,
		),
		q<{ name: string; ownedBy: string | null }>(
			`SELECT s.relname AS name, oc.relname || '.' || a.attname AS "ownedBy"
			   FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
			   LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
			   LEFT JOIN pg_class oc ON oc.oid = d.refobjid
			   LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
			  WHERE n.nspname = $1 AND s.relkind = 'S' ORDER BY 1`,
		),
		// Types other than enums and the row types every table and sequence gets (and their arrays).
		q<{ name: string }>(
			`SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			  WHERE n.nspname = $1 AND t.typtype NOT IN ('e')
			    AND NOT (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c'))
			    AND NOT (t.typcategory = 'A' AND EXISTS (SELECT 1 FROM pg_type et WHERE et.oid = t.typelem
			             AND (et.typtype = 'e' OR (et.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = et.typrelid AND c.relkind <> 'c')))))
			  ORDER BY 1`,
		).then((rows) => rows.map((row) => row.name)),
		q<{ name: string }>(`SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 ORDER BY 1`).then((rows) =>
			rows.map((row) => row.name),
		),
		q<{ name: string }>(
			`SELECT c.relname || '.' || t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
			   JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND NOT t.tgisinternal ORDER BY 1`,
		).then((rows) => rows.map((row) => row.name)),
		q<{ name: string }>(`SELECT p.tablename || '.' || p.policyname AS name FROM pg_policies p WHERE p.schemaname = $1 ORDER BY 1`).then((rows) =>
			rows.map((row) => row.name),
		),
	])
	return { schema, relations, columns, constraints, indexes, enums, sequences, otherTypes, functions, triggers, policies }
}

// ---------------------------------------------------------------------------------------------
// The comparison

/**
 * What the database may hold that a Prisma schema cannot express. Each one is listed by name and
 * also required: if a known extra disappears, that is drift too (the app relies on it).
 */
export type KnownExtras = {
	/** Partial or otherwise special indexes, with their full pg_get_indexdef() text (schema shown as SCHEMA). */
	indexes?: Record<string, string>
	/** CHECK constraints, with their pg_get_constraintdef() text (schema shown as SCHEMA). */
	checks?: Record<string, string>
	/** Functions and triggers (as table.trigger) the migrations create on purpose, e.g. the append-only audit log. */
	functions?: string[]
	triggers?: string[]
	/** Free-standing sequences the app draws from itself (not owned by a column), e.g. variable symbols. */
	sequences?: string[]
}

// Prisma's column type for each scalar without @db.*, and for each @db.* native type, as format_type() prints it.
const DEFAULT_TYPES: Record<string, string> = {
	String: 'text',
	Int: 'integer',
	BigInt: 'bigint',
	Float: 'double precision',
	Decimal: 'numeric(65,30)',
	Boolean: 'boolean',
	DateTime: 'timestamp(3) without time zone',
	Json: 'jsonb',
	Bytes: 'bytea',
}
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
	Text: () => 'text',
	VarChar: ([n]) => (n ? `character varying(${n})` : 'character varying'),
	Char: ([n]) => `character(${n ?? 1})`,
	Uuid: () => 'uuid',
	Xml: () => 'xml',
	Inet: () => 'inet',
	Citext: () => 'citext',
	Bit: ([n]) => `bit(${n ?? 1})`,
	VarBit: ([n]) => (n ? `bit varying(${n})` : 'bit varying'),
	SmallInt: () => 'smallint',
	Integer: () => 'integer',
	Oid: () => 'oid',
	BigInt: () => 'bigint',
	DoublePrecision: () => 'double precision',
	Real: () => 'real',
	Decimal: ([p, s]) => (p ? `numeric(${p},${s ?? 0})` : 'numeric'),
	Money: () => 'money',
	Timestamp: ([p]) => `timestamp(${p ?? 3}) without time zone`,
	Timestamptz: ([p]) => `timestamp(${p ?? 3}) with time zone`,
	Date: () => 'date',
	Time: ([p]) => `time(${p ?? 3}) without time zone`,
	Timetz: ([p]) => `time(${p ?? 3}) with time zone`,
	Boolean: () => 'boolean',
	Json: () => 'json',
	JsonB: () => 'jsonb',
	ByteA: () => 'bytea',
}
const REFERENTIAL_ACTIONS: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' }
// Defaults Prisma computes in the client: the database may leave them out, or generate the same kind of value.
const CLIENT_SIDE_DEFAULTS: Record<string, RegExp | null> = { uuid: /^gen_random_uuid\(\)$/, cuid: null, nanoid: null, ulid: null }

const tableOf = (model: DmmfModel) => model.dbName ?? model.name
const columnOf = (field: DmmfField) => field.dbName ?? field.name
const list = (items: readonly unknown[]) => `(${items.join(', ')})`

/** Every difference between the Prisma data model and the database schema, as readable sentences. */
export function findSchemaDrift(datamodel: Datamodel, db: DbSnapshot, known: KnownExtras = {}): string[] {
	const problems: string[] = []
	const S = db.schema
	const modelsByName = new Map(datamodel.models.map((m) => [m.name, m]))
	const enumsByName = new Map(datamodel.enums.map((e) => [e.name, e]))
	const expectedTables = new Set(datamodel.models.map(tableOf))
	const accountedConstraints = new Set<string>()
	const accountedIndexes = new Set<string>()
	const accountedSequences = new Set<string>()

	// Enums
	for (const e of datamodel.enums) {
		const name = e.dbName ?? e.name
		const found = db.enums.find((x) => x.name === name)
		const values = e.values.map((v) => v.dbName ?? v.name)
		if (!found) problems.push(`enum ${name}: in schema.prisma but not in ${S}`)
		else if (found.values.join() !== values.join()) problems.push(`enum ${name}: values ${list(found.values)} in ${S}, ${list(values)} in schema.prisma`)
	}
	for (const e of db.enums) {
		if (!datamodel.enums.some((x) => (x.dbName ?? x.name) === e.name)) problems.push(`enum ${e.name}: in ${S} but not in schema.prisma`)
	}

	// Tables and columns
	for (const model of datamodel.models) {
		const table = tableOf(model)
		const dbColumns = db.columns.filter((c) => c.table === table)
		if (!dbColumns.length && !db.relations.some((r) => r.name === table)) {
			problems.push(`table ${table} (model ${model.name}): in schema.prisma but not in ${S}`)
			continue
		}
		const fields = model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum' || f.kind === 'unsupported')
		for (const field of fields) {
			const where = `${table}.${columnOf(field)}`
			const column = dbColumns.find((c) => c.name === columnOf(field))
			if (!column) {
				problems.push(`column ${where} (${model.name}.${field.name}): in schema.prisma but not in ${S}`)
				continue
			}
			const expectedType = expectedColumnType(field, enumsByName, S)
			if (expectedType instanceof Error) problems.push(`column ${where}: ${expectedType.message}`)
			else if (column.type !== expectedType) problems.push(`column ${where}: type ${column.type} in ${S}, ${expectedType} in schema.prisma`)
			// Prisma creates list columns without NOT NULL and every other required column with it.
			const expectNotNull = field.isRequired && !field.isList
			if (column.notNull !== expectNotNull) {
				problems.push(
					`column ${where}: ${column.notNull ? 'NOT NULL' : 'nullable'} in ${S}, ${expectNotNull ? 'required' : field.isList ? 'a list (Prisma creates lists nullable)' : 'optional'} in schema.prisma`,
				)
			}
			if (column.identity || column.generated) problems.push(`column ${where}: an identity or generated column in ${S}; schema.prisma does not know`)
			problems.push(...compareDefault(where, field, column, S, accountedSequences, db))
		}
		for (const column of dbColumns) {
			if (!fields.some((f) => columnOf(f) === column.name)) problems.push(`column ${table}.${column.name}: in ${S} but not in schema.prisma`)
		}
	}

	// Primary keys, unique constraints, indexes
	for (const index of datamodel.indexes) {
		const model = modelsByName.get(index.model)!
		const table = tableOf(model)
		const columns = index.fields.map((f) => columnOf(model.fields.find((x) => x.name === f.name)!))
		const suffix = { id: 'pkey', unique: `${columns.join('_')}_key`, normal: `${columns.join('_')}_idx`, fulltext: `${columns.join('_')}_idx` }[index.type]
		const name = index.dbName ?? (index.type === 'id' ? `${table}_pkey` : `${table}_${suffix}`)
		const what = { id: 'primary key', unique: 'unique index', normal: 'index', fulltext: 'fulltext index' }[index.type]
		const found = db.indexes.find((i) => i.table === table && i.name === name)
		accountedIndexes.add(name)
		if (!found) {
			problems.push(`${what} ${name} on ${table}${list(columns)}: in schema.prisma but not in ${S}`)
			continue
		}
		if (found.columns.join() !== columns.join()) problems.push(`${what} ${name}: columns ${list(found.columns)} in ${S}, ${list(columns)} in schema.prisma`)
		if (found.isPrimary !== (index.type === 'id')) problems.push(`${what} ${name}: ${found.isPrimary ? 'is' : 'is not'} the primary key in ${S}`)
		if (found.isUnique !== (index.type !== 'normal')) problems.push(`${what} ${name}: ${found.isUnique ? 'unique' : 'not unique'} in ${S}`)
		if (found.predicate) problems.push(`${what} ${name}: partial (WHERE ${found.predicate}) in ${S}; schema.prisma cannot say so`)
		const method = (index.algorithm ?? 'BTree').toLowerCase()
		if (found.method !== method) problems.push(`${what} ${name}: method ${found.method} in ${S}, ${method} in schema.prisma`)
		const descending = index.fields.map((f) => f.sortOrder === 'desc')
		if (found.descending.join() !== descending.join()) problems.push(`${what} ${name}: sort order differs between ${S} and schema.prisma`)
		if (index.type === 'id') {
			const constraint = db.constraints.find((c) => c.table === table && c.type === 'p')
			if (constraint) accountedConstraints.add(constraint.name)
			if (constraint?.name !== name) problems.push(`primary key of ${table}: constraint ${constraint?.name ?? '(none)'} in ${S}, ${name} expected`)
		} else {
			// A unique index may also be backed by a UNIQUE constraint of the same name; both are fine for Prisma.
			const constraint = db.constraints.find((c) => c.table === table && c.name === name && c.type === 'u')
			if (constraint) accountedConstraints.add(constraint.name)
		}
	}

	// Foreign keys, keyed by their columns (the DMMF does not carry a relation's `map:` name)
	for (const model of datamodel.models) {
		const table = tableOf(model)
		for (const field of model.fields) {
			if (field.kind !== 'object' || !field.relationFromFields?.length) continue
			const target = modelsByName.get(field.type)!
			const columns = field.relationFromFields.map((n) => columnOf(model.fields.find((f) => f.name === n)!))
			const foreignColumns = (field.relationToFields ?? []).map((n) => columnOf(target.fields.find((f) => f.name === n)!))
			const isOptional = field.relationFromFields.some((n) => !model.fields.find((f) => f.name === n)!.isRequired)
			const onDelete = field.relationOnDelete ?? (isOptional ? 'SetNull' : 'Restrict')
			const onUpdate = field.relationOnUpdate ?? 'Cascade'
			const where = `foreign key ${table}${list(columns)} -> ${tableOf(target)}${list(foreignColumns)} (${model.name}.${field.name})`
			const found = db.constraints.find((c) => c.table === table && c.type === 'f' && c.columns.join() === columns.join())
			if (!found) {
				problems.push(`${where}: in schema.prisma but not in ${S}`)
				continue
			}
			accountedConstraints.add(found.name)
			if (found.foreignTable !== tableOf(target) || found.foreignColumns.join() !== foreignColumns.join()) {
				problems.push(`${where}: references ${found.foreignTable}${list(found.foreignColumns)} in ${S}`)
			}
			if (REFERENTIAL_ACTIONS[found.onDelete] !== onDelete)
				problems.push(`${where}: ON DELETE ${REFERENTIAL_ACTIONS[found.onDelete]} in ${S}, ${onDelete} in schema.prisma`)
			if (REFERENTIAL_ACTIONS[found.onUpdate] !== onUpdate)
				problems.push(`${where}: ON UPDATE ${REFERENTIAL_ACTIONS[found.onUpdate]} in ${S}, ${onUpdate} in schema.prisma`)
		}
	}

	// Known extras: required, and exactly as listed
	const bySchema = (text: string) => text.replaceAll(`${S}.`, 'SCHEMA.')
	for (const [name, definition] of Object.entries(known.indexes ?? {})) {
		const found = db.indexes.find((i) => i.name === name)
		accountedIndexes.add(name)
		if (!found) problems.push(`known extra index ${name}: missing from ${S} (the app relies on it)`)
		else if (bySchema(found.definition) !== definition)
			problems.push(`known extra index ${name}: is "${bySchema(found.definition)}" in ${S}, expected "${definition}"`)
	}
	for (const [name, definition] of Object.entries(known.checks ?? {})) {
		const found = db.constraints.find((c) => c.name === name && c.type === 'c')
		accountedConstraints.add(name)
		if (!found) problems.push(`known CHECK constraint ${name}: missing from ${S}`)
		else if (bySchema(found.definition) !== definition)
			problems.push(`known CHECK constraint ${name}: is "${bySchema(found.definition)}" in ${S}, expected "${definition}"`)
	}
	for (const fn of known.functions ?? []) if (!db.functions.includes(fn)) problems.push(`known function ${fn}: missing from ${S}`)
	for (const trigger of known.triggers ?? []) if (!db.triggers.includes(trigger)) problems.push(`known trigger ${trigger}: missing from ${S}`)

	// Anything else in the database is unknown to Prisma
	for (const index of db.indexes) {
		if (!accountedIndexes.has(index.name)) problems.push(`index ${index.name}: in ${S} but not in schema.prisma (${index.definition})`)
	}
	for (const constraint of db.constraints) {
		// Postgres 18 records NOT NULL as constraints; nullability is compared column by column above.
		if (constraint.type === 'n' || accountedConstraints.has(constraint.name)) continue
		problems.push(`constraint ${constraint.table}.${constraint.name}: in ${S} but not in schema.prisma (${constraint.definition})`)
	}
	for (const name of known.sequences ?? []) if (!db.sequences.some((s) => s.name === name)) problems.push(`known sequence ${name}: missing from ${S}`)
	for (const sequence of db.sequences) {
		if (known.sequences?.includes(sequence.name)) continue
		if (!accountedSequences.has(sequence.name)) problems.push(`sequence ${sequence.name}: in ${S} but not used by any autoincrement field`)
	}
	for (const relation of db.relations) {
		if (relation.kind === 'r' || relation.kind === 'p') {
			if (!expectedTables.has(relation.name)) problems.push(`table ${relation.name}: in ${S} but not in schema.prisma`)
		} else if (relation.kind !== 'i' && relation.kind !== 'S') {
			problems.push(`relation ${relation.name} (pg_class.relkind ${relation.kind}): in ${S} but not in schema.prisma`)
		}
	}
	for (const type of db.otherTypes) problems.push(`type ${type}: in ${S} but not in schema.prisma`)
	for (const fn of db.functions) if (!known.functions?.includes(fn)) problems.push(`function ${fn}: in ${S} but not in schema.prisma`)
	for (const trigger of db.triggers) if (!known.triggers?.includes(trigger)) problems.push(`trigger ${trigger}: in ${S} but not in schema.prisma`)
	for (const policy of db.policies) problems.push(`row-level security policy ${policy}: in ${S} but not in schema.prisma`)
	return problems
}

function expectedColumnType(field: DmmfField, enums: Map<string, DmmfEnum>, schema: string): string | Error {
	let base: string
	if (field.kind === 'enum') {
		const e = enums.get(field.type)!
		base = `enum:${schema}.${e.dbName ?? e.name}`
	} else if (field.nativeType) {
		const [name, args] = field.nativeType
		const make = NATIVE_TYPES[name]
		if (!make) return new Error(`native type @db.${name} is not known to tests/schema-drift.ts; teach it the Postgres name`)
		base = make(args)
	} else {
		const type = DEFAULT_TYPES[field.type]
		if (!type) return new Error(`Prisma type ${field.type} is not known to tests/schema-drift.ts; teach it the Postgres name`)
		base = type
	}
	return field.isList ? `${base}[]` : base
}

function compareDefault(where: string, field: DmmfField, column: DbColumn, S: string, sequences: Set<string>, db: DbSnapshot): string[] {
	const actual = column.default
	const expected = field.default
	if (!field.hasDefaultValue || expected === undefined) {
		// Prisma sets @updatedAt itself; a database default only helps raw SQL inserts.
		if (actual !== null && !(field.isUpdatedAt && actual === 'CURRENT_TIMESTAMP')) {
			return [`column ${where}: DEFAULT ${actual} in ${S}, no default in schema.prisma`]
		}
		return []
	}
	if (typeof expected === 'object' && !Array.isArray(expected)) {
		if (expected.name === 'autoincrement') {
			const sequence = /^nextval\('(?:[\w"]+\.)?"?([\w]+)"?'::regclass\)$/.exec(actual ?? '')?.[1]
			if (!sequence) return [`column ${where}: DEFAULT ${actual ?? '(none)'} in ${S}, autoincrement() in schema.prisma`]
			sequences.add(sequence)
			const owner = db.sequences.find((s) => s.name === sequence)?.ownedBy
			return owner === `${column.table}.${column.name}` ? [] : [`column ${where}: sequence ${sequence} is not owned by the column in ${S}`]
		}
		if (expected.name === 'now') return actual === 'CURRENT_TIMESTAMP' ? [] : [`column ${where}: DEFAULT ${actual ?? '(none)'} in ${S}, now() in schema.prisma`]
		if (expected.name in CLIENT_SIDE_DEFAULTS) {
			const allowed = CLIENT_SIDE_DEFAULTS[expected.name]
			if (actual === null || allowed?.test(actual)) return []
			return [`column ${where}: DEFAULT ${actual} in ${S}, ${expected.name}() (set by Prisma) in schema.prisma`]
		}
		if (expected.name === 'dbgenerated') {
			const text = expected.args[0]
			if (actual === null) return [`column ${where}: no default in ${S}, dbgenerated() in schema.prisma`]
			return typeof text === 'string' && text !== actual ? [`column ${where}: DEFAULT ${actual} in ${S}, dbgenerated("${text}") in schema.prisma`] : []
		}
		return [`column ${where}: default ${expected.name}() is not known to tests/schema-drift.ts`]
	}
	if (actual === null) return [`column ${where}: no default in ${S}, ${JSON.stringify(expected)} in schema.prisma`]
	if (Array.isArray(expected)) return [] // a list literal: presence is enough
	const literal = unquoteDefault(actual)
	const same = field.type === 'Json' ? jsonEquals(literal, String(expected)) : literal === String(expected)
	return same ? [] : [`column ${where}: DEFAULT ${actual} in ${S}, ${JSON.stringify(expected)} in schema.prisma`]
}

// 'abc'::text -> abc, '{}'::jsonb -> {}, false -> false, '-1'::integer -> -1
function unquoteDefault(expression: string) {
	const withoutCast = expression.replace(/::[\w\s".[\]()]+$/, '')
	const quoted = /^'(.*)'$/s.exec(withoutCast)
	return quoted ? quoted[1].replaceAll("''", "'") : withoutCast
}

function jsonEquals(a: string, b: string) {
	try {
		return isDeepStrictEqual(JSON.parse(a), JSON.parse(b))
	} catch {
		return a === b
	}
}
