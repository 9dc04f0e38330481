// eIDAS levels of assurance and the RequestedAuthnContext comparison rules (SAML core §3.3.2.2.1).
import { LOA_LEVELS, LOA_URI, type LoaLevel } from './constants'
import type { AuthnRequestDetails } from './types'

type RequestedContext = NonNullable<AuthnRequestDetails['requestedAuthnContext']>

export function loaFromUri(uri: string): LoaLevel | undefined {
	return LOA_LEVELS.find((level) => LOA_URI[level] === uri)
}

const rank = (level: LoaLevel) => LOA_LEVELS.indexOf(level)

function requestedLevels(context: RequestedContext) {
	return context.classRefs.map(loaFromUri).filter((level): level is LoaLevel => level !== undefined)
}

/** Whether a login at `level` satisfies what the SeP asked for. No RequestedAuthnContext: anything goes. */
export function satisfiesRequestedLoa(level: LoaLevel, context: RequestedContext | undefined): boolean {
	if (!context) return true
	const ranks = requestedLevels(context).map(rank)
	if (ranks.length === 0) return false
	const own = rank(level)
	switch (context.comparison) {
		case 'exact':
			return ranks.includes(own)
		case 'minimum':
			return own >= Math.min(...ranks)
		case 'maximum':
			return own <= Math.max(...ranks)
		case 'better':
			return own > Math.max(...ranks)
	}
}

/** Czech + English words for the picker ("Značná / substantial"). */
export const LOA_LABEL: Record<LoaLevel, { cs: string; en: string }> = {
	low: { cs: 'Nízká', en: 'low' },
	substantial: { cs: 'Značná', en: 'substantial' },
	high: { cs: 'Vysoká', en: 'high' },
}

/** One line describing the request, e.g. "alespoň Značná (at least substantial)". */
export function describeRequestedLoa(context: RequestedContext | undefined): { cs: string; en: string } {
	if (!context) return { cs: 'neuvedena', en: 'not stated' }
	const levels = requestedLevels(context)
	if (levels.length === 0) return { cs: 'neznámá úroveň', en: 'unknown level' }
	const words = { exact: ['přesně', 'exactly'], minimum: ['alespoň', 'at least'], maximum: ['nejvýše', 'at most'], better: ['lepší než', 'better than'] }
	const [cs, en] = words[context.comparison]
	return { cs: `${cs} ${levels.map((level) => LOA_LABEL[level].cs).join(' / ')}`, en: `${en} ${levels.join(' / ')}` }
}
