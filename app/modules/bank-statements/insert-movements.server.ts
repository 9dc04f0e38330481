// Stores a parsed statement's movements in batches (INSERT ... SELECT FROM unnest), skipping any
// movement_key already stored, so the same or an overlapping statement never counts a movement twice.
// Raw SQL through the pool with the schema name in the text: the Prisma client binds the schema and
// would need one round trip per row for createMany ... RETURNING.
import type pg from 'pg'
import type { ParsedMovement } from './types'

const CHUNK = 5000

export type StoredMovement = ParsedMovement & { id: string }

/** Kind and initial match status as stored: debits (and returned debits) are kept but ignored. */
export function storedKind(kind: ParsedMovement['kind']): { kind: 'credit' | 'debit' | 'reversal'; matchStatus: 'unmatched' | 'ignored' } {
	if (kind === 'credit') return { kind: 'credit', matchStatus: 'unmatched' }
	if (kind === 'debit') return { kind: 'debit', matchStatus: 'ignored' }
	return { kind: 'reversal', matchStatus: kind === 'credit_reversal' ? 'unmatched' : 'ignored' }
}

export async function insertMovements({
	pool,
	schema,
	statementId,
	movements,
	onChunk,
}: {
	pool: pg.Pool
	schema: string
	statementId: string
	movements: ParsedMovement[]
	onChunk?: (done: number) => void
}): Promise<StoredMovement[]> {
	const stored: StoredMovement[] = []
	for (let start = 0; start < movements.length; start += CHUNK) {
		const chunk = movements.slice(start, start + CHUNK)
		const col = <T>(pick: (m: ParsedMovement) => T) => chunk.map(pick)
		const { rows } = await pool.query<{ id: string; movement_key: string }>(
			`INSERT INTO ${schema}.bank_movement (statement_id, movement_key, booking_date, amount, variable_symbol, specific_symbol, constant_symbol,
			                                      counter_account, counter_name, message, kind, match_status)
			 SELECT $1::uuid, k, d, a, vs, ss, ks, ca, cn, msg, kd::${schema}."MovementKind", ms::${schema}."MatchStatus"
			   FROM unnest($2::text[], $3::date[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
			     AS t(k, d, a, vs, ss, ks, ca, cn, msg, kd, ms)
			 ON CONFLICT (movement_key) DO NOTHING
			 RETURNING id, movement_key`,
			[
				statementId,
				col((m) => m.movementKey),
				col((m) => m.bookingDate),
				col((m) => String(Math.abs(m.amount))),
				col((m) => m.variableSymbol ?? null),
				col((m) => m.specificSymbol ?? null),
				col((m) => m.constantSymbol ?? null),
				col((m) => m.counterAccount ?? null),
				col((m) => m.counterName ?? null),
				col((m) => m.message ?? null),
				col((m) => storedKind(m.kind).kind),
				col((m) => storedKind(m.kind).matchStatus),
			],
		)
		const ids = new Map(rows.map((row) => [row.movement_key, row.id]))
		for (const movement of chunk) {
			const id = ids.get(movement.movementKey)
			// A key repeated inside one file is inserted once: only its first occurrence is new.
			if (id) {
				stored.push({ ...movement, id })
				ids.delete(movement.movementKey)
			}
		}
		onChunk?.(Math.min(start + CHUNK, movements.length))
	}
	return stored
}
