import type { RecordsStatus } from '../connector'

/**
 * GINIS document states (WflDokument.StavDokumentu) onto the portal's lifecycle. GINIS reports the
 * handling function (IdFunkceVlastnika) separately: a registered document with an owner is "assigned".
 * The state names follow the GINIS SSL documentation as far as we know it; unknown ones are ignored
 * rather than guessed, so a new state never moves a submission backwards.
 */
const STATE_MAP: Record<string, RecordsStatus> = {
	evidovan: 'delivered',
	nevyrizen: 'delivered',
	pridelen: 'assigned',
	rozpracovan: 'in_progress',
	'v-reseni': 'in_progress',
	'ceka-na-doplneni': 'needs_info',
	preruseno: 'needs_info',
	vyrizen: 'resolved',
	uzavren: 'resolved',
	zamitnut: 'rejected',
	stornovan: 'rejected',
}

export function mapGinisState(state: string, hasOwner: boolean): RecordsStatus | null {
	const mapped = STATE_MAP[state.trim().toLowerCase()]
	if (!mapped) return null
	return mapped === 'delivered' && hasOwner ? 'assigned' : mapped
}
