// Helpers for the small lifecycles kept as a text column with a CHECK constraint (refunds, gateway
// credentials, claim generation runs): the TS union and the transition table live in the module's
// *-states.ts file, and a move is one UPDATE … WHERE state IN (the states it may come from), which
// takes the row lock and refuses a move the table does not allow in the same statement.

export type TransitionTable<State extends string> = Readonly<Record<State, readonly State[]>>

/** The states from which `to` may be reached. */
export function statesLeadingTo<State extends string>(table: TransitionTable<State>, to: State): State[] {
	return (Object.keys(table) as State[]).filter((from) => table[from].includes(to))
}

/** Throws when a guarded UPDATE changed no row: the row is gone or was not in a state that may move to `to`. */
export function assertMoved(count: number, what: string, to: string) {
	if (count === 0) throw new Error(`${what} cannot become ${to}: it is gone or not in a state that may`)
}
