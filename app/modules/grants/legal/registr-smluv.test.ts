// The registr smluv metadata: the documented element names and order, amounts in crowns, natural
// persons without identifiers, escaping of whatever the clerk typed.
import { describe, expect, test } from 'vitest'
import { registrSmluvMetadata, type RegistrSmluvContract } from './registr-smluv'

const town = { name: 'Město Veselí nad Moravou', ico: '00285293', dataBox: 'abc1234' }
const association: RegistrSmluvContract = {
	contractNumber: 'D-2027/014',
	subject: 'Dotace na celoroční činnost oddílu mládeže',
	signedOn: '2027-03-15',
	amountHalere: 12_345_650,
	town,
	recipient: { name: 'TJ Sokol Veselí nad Moravou, z.s.', ico: '44936109', naturalPerson: false, municipality: 'Veselí nad Moravou' },
}

describe('registrSmluvMetadata', () => {
	test('one contract: a <zverejneni> document in the ISRS 1.2 namespace with the parties, subject, date, number and value', () => {
		const xml = registrSmluvMetadata([association])
		expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<zverejneni xmlns="http://portal.gov.cz/rejstriky/ISRS/1.2/">
	<smlouva>
		<subjekt>
			<datovaSchranka>abc1234</datovaSchranka>
			<nazev>Město Veselí nad Moravou</nazev>
			<ico>00285293</ico>
			<platce>true</platce>
		</subjekt>
		<smluvniStrana>
			<nazev>TJ Sokol Veselí nad Moravou, z.s.</nazev>
			<ico>44936109</ico>
			<adresa>Veselí nad Moravou</adresa>
			<prijemce>true</prijemce>
		</smluvniStrana>
		<predmet>Dotace na celoroční činnost oddílu mládeže</predmet>
		<datumUzavreni>2027-03-15</datumUzavreni>
		<cisloSmlouvy>D-2027/014</cisloSmlouvy>
		<hodnotaBezDph>123456.50</hodnotaBezDph>
	</smlouva>
</zverejneni>
`)
	})

	test('a value including VAT goes into hodnotaVcetneDph instead', () => {
		const xml = registrSmluvMetadata({ ...association, amountWithVat: true, amountHalere: 5_000_000 })
		expect(xml).toContain('<hodnotaVcetneDph>50000.00</hodnotaVcetneDph>')
		expect(xml).not.toContain('hodnotaBezDph')
	})

	test('a natural person: name and municipality only, never an IČO or data box', () => {
		const xml = registrSmluvMetadata({
			...association,
			recipient: { name: 'Jana Nováková', ico: '12345679', naturalPerson: true, municipality: 'Veselí nad Moravou' },
		})
		const party = xml.slice(xml.indexOf('<smluvniStrana>'), xml.indexOf('</smluvniStrana>'))
		expect(party).toContain('<nazev>Jana Nováková</nazev>')
		expect(party).toContain('<adresa>Veselí nad Moravou</adresa>')
		expect(party).not.toContain('<ico>')
		expect(party).not.toContain('12345679')
		expect(party).not.toContain('datovaSchranka')
	})

	test('typed text is escaped (& < > " \') and control characters dropped', () => {
		const xml = registrSmluvMetadata({
			...association,
			subject: 'Sport & <hry> "pro" děti\'s\u0007',
			recipient: { ...association.recipient, name: 'A&B </nazev><ico>1</ico>' },
		})
		expect(xml).toContain('<predmet>Sport &amp; &lt;hry&gt; &quot;pro&quot; děti&apos;s</predmet>')
		expect(xml).toContain('<nazev>A&amp;B &lt;/nazev&gt;&lt;ico&gt;1&lt;/ico&gt;</nazev>')
		expect(xml.match(/<ico>/g)).toHaveLength(2)
	})

	test('several contracts: one document, each as its own <zverejneni>', () => {
		const xml = registrSmluvMetadata([association, { ...association, contractNumber: 'D-2027/015' }])
		expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<zverejneniSmluv xmlns="http:\/\/portal.gov.cz\/rejstriky\/ISRS\/1.2\/">/)
		expect(xml.match(/<zverejneni>/g)).toHaveLength(2)
		expect(xml).toContain('<cisloSmlouvy>D-2027/015</cisloSmlouvy>')
	})

	test('a date or amount that is not one is refused', () => {
		expect(() => registrSmluvMetadata({ ...association, signedOn: '15. 3. 2027' })).toThrow(/signedOn/)
		expect(() => registrSmluvMetadata({ ...association, amountHalere: 10.5 })).toThrow(/haléře/)
	})
})
