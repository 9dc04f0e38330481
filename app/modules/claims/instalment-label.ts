// A claim's instalment as people say it: nothing when the fee is paid at once, "1. splátka ze 2" /
// "instalment 1 of 2" / "1-й внесок із 2" when it has several. Shared by pages, CSV and PDF; no
// server imports here.

export type InstalmentKey = 'instalmentOf' | 'instalmentOfZe'
export type TranslateInstalment = (key: InstalmentKey, values: { n: number; count: number }) => string

/**
 * Czech says "ze" before a number whose spoken form starts with s/z/š/ž or a hard cluster (ze dvou,
 * ze tří, ze čtyř, ze šesti, ze sedmi, ze dvanácti…) and "z" otherwise (z pěti, z osmi, z deseti).
 * The other languages have one text under both keys.
 */
export function takesCzechZe(count: number): boolean {
	if (count >= 100 && count < 200) return true // ze sta…
	const tens = Math.floor(count / 10) % 10
	if (count >= 20 && count < 100) return [2, 3, 4, 6, 7].includes(tens) // ze dvaceti, ze třiceti, ze čtyřiceti, ze šedesáti, ze sedmdesáti
	return [2, 3, 4, 6, 7, 12, 13, 14, 16, 17].includes(count % 100)
}

/** '' for a single payment; otherwise the instalment and how many there are. */
export function instalmentLabel(claim: { instalment: number; instalmentCount: number }, translate: TranslateInstalment): string {
	if (claim.instalmentCount <= 1) return ''
	const values = { n: claim.instalment, count: claim.instalmentCount }
	return translate(takesCzechZe(claim.instalmentCount) ? 'instalmentOfZe' : 'instalmentOf', values)
}

/** For texts outside React (PDF): fills a stored template's {{n}} and {{count}}. */
export function fillInstalmentTemplate(template: string, values: { n: number; count: number }): string {
	return template.replaceAll('{{n}}', String(values.n)).replaceAll('{{count}}', String(values.count))
}
