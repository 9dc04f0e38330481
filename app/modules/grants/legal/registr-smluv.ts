// STUB (grants branch): the `ares` branch owns and replaces this file with the real registr smluv XML.
export type RegistrSmluvContract = { contractNumber: string; subject: string; amountHalere: number; signedOn: string; counterpartyName: string; counterpartyIco?: string }

export function registrSmluvMetadata(contracts: RegistrSmluvContract[]): string {
	const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
	const rows = contracts.map((c) => `  <smlouva><cisloSmlouvy>${esc(c.contractNumber)}</cisloSmlouvy><predmet>${esc(c.subject)}</predmet><hodnotaBezDph>${(c.amountHalere / 100).toFixed(2)}</hodnotaBezDph><datumUzavreni>${c.signedOn}</datumUzavreni><smluvniStrana><nazev>${esc(c.counterpartyName)}</nazev>${c.counterpartyIco ? `<ico>${c.counterpartyIco}</ico>` : ''}</smluvniStrana></smlouva>`)
	return `<?xml version="1.0" encoding="UTF-8"?>\n<smlouvy>\n${rows.join('\n')}\n</smlouvy>\n`
}
