// STUB (grants branch): the `ares` branch owns and replaces this file with the real ARES REST client.
export type AresSubject = { ico: string; name: string; legalForm: { code: string; name: string }; seat: { text: string; municipality?: string; postalCode?: string }; dic?: string }

const DEMO: Record<string, AresSubject> = {
	'27074358': { ico: '27074358', name: 'Sportovní klub Veselí, z. s.', legalForm: { code: '706', name: 'Spolek' }, seat: { text: 'Sportovní 12, 698 01 Veselí nad Moravou', municipality: 'Veselí nad Moravou', postalCode: '69801' } },
}

export async function lookupEconomicSubject(ico: string): Promise<AresSubject | null> {
	return DEMO[ico] ?? null
}
