// Metadata of grant contracts for the registr smluv (zákon č. 340/2015 Sb., §5), in the shape of its
// "zveřejnění" message (XML namespace http://portal.gov.cz/rejstriky/ISRS/1.2/): the publishing
// subject, the other contracting parties, subject matter, date of conclusion, contract number and
// value. The registry takes one contract per message; several contracts come back as several
// <zverejneni> elements inside one <zverejneniSmluv> wrapper (ours, so one download holds them all).
// A natural person is published by name only (no IČO, data box or address beyond the municipality):
// the registry does not publish personal data beyond what identifies the party (§3 odst. 1).

export const REGISTR_SMLUV_NAMESPACE = 'http://portal.gov.cz/rejstriky/ISRS/1.2/'

export type RegistrSmluvContract = {
	contractNumber: string
	subject: string
	signedOn: string
	amountHalere: number
	amountWithVat?: boolean
	town: { name: string; ico: string; dataBox?: string }
	recipient: { name: string; ico?: string; naturalPerson: boolean; municipality?: string }
}

// XML 1.0 forbids most control characters even escaped; they can only come from pasted text.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export function escapeXml(text: string): string {
	return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

const element = (name: string, value: string | undefined, indent: string) =>
	value === undefined || value === '' ? [] : [`${indent}<${name}>${escapeXml(value)}</${name}>`]

/** Haléře as the registry's decimal number of crowns ("50000.00"). */
function crowns(amountHalere: number) {
	if (!Number.isSafeInteger(amountHalere) || amountHalere < 0) throw new RangeError(`Amount must be whole haléře ≥ 0, got ${amountHalere}`)
	return `${Math.floor(amountHalere / 100)}.${String(amountHalere % 100).padStart(2, '0')}`
}

function assertCalendarDate(date: string) {
	const parsed = new Date(`${date}T00:00:00Z`)
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
		throw new RangeError(`signedOn must be a calendar date (YYYY-MM-DD), got ${JSON.stringify(date)}`)
	}
}

function zverejneni(contract: RegistrSmluvContract, indent: string, withNamespace: boolean): string[] {
	assertCalendarDate(contract.signedOn)
	const i1 = `${indent}\t`
	const i2 = `${indent}\t\t`
	const i3 = `${indent}\t\t\t`
	const { town, recipient } = contract
	const party = recipient.naturalPerson
		? [...element('nazev', recipient.name, i3), ...element('adresa', recipient.municipality, i3)]
		: [...element('nazev', recipient.name, i3), ...element('ico', recipient.ico, i3), ...element('adresa', recipient.municipality, i3)]
	return [
		`${indent}<zverejneni${withNamespace ? ` xmlns="${REGISTR_SMLUV_NAMESPACE}"` : ''}>`,
		`${i1}<smlouva>`,
		`${i2}<subjekt>`,
		...element('datovaSchranka', town.dataBox, i3),
		...element('nazev', town.name, i3),
		...element('ico', town.ico, i3),
		// The town pays the grant out.
		`${i3}<platce>true</platce>`,
		`${i2}</subjekt>`,
		`${i2}<smluvniStrana>`,
		...party,
		`${i3}<prijemce>true</prijemce>`,
		`${i2}</smluvniStrana>`,
		...element('predmet', contract.subject, i2),
		...element('datumUzavreni', contract.signedOn, i2),
		...element('cisloSmlouvy', contract.contractNumber, i2),
		...element(contract.amountWithVat ? 'hodnotaVcetneDph' : 'hodnotaBezDph', crowns(contract.amountHalere), i2),
		`${i1}</smlouva>`,
		`${indent}</zverejneni>`,
	]
}

/** The registr smluv metadata of one contract (a <zverejneni> document) or of several (wrapped). */
export function registrSmluvMetadata(contracts: RegistrSmluvContract | readonly RegistrSmluvContract[]): string {
	const list = Array.isArray(contracts) ? (contracts as readonly RegistrSmluvContract[]) : [contracts as RegistrSmluvContract]
	const head = '<?xml version="1.0" encoding="UTF-8"?>'
	if (list.length === 1) return [head, ...zverejneni(list[0]!, '', true)].join('\n') + '\n'
	return (
		[head, `<zverejneniSmluv xmlns="${REGISTR_SMLUV_NAMESPACE}">`, ...list.flatMap((contract) => zverejneni(contract, '\t', false)), '</zverejneniSmluv>'].join(
			'\n',
		) + '\n'
	)
}
