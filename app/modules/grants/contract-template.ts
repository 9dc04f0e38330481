// The grant contract's template language: {{name}} placeholders, "# " headings. The default text is
// a veřejnoprávní smlouva o poskytnutí dotace with the parts §10a odst. 5 zákona č. 250/2000 Sb.
// requires (parties with their identification, amount, purpose, period, conditions, settlement,
// return of unused money, breach of budget discipline, signatures); see docs/grants-law.md.

/** Every placeholder a template may use, with what it becomes. */
export const GRANT_CONTRACT_PLACEHOLDERS = {
	contractNumber: 'číslo smlouvy',
	'town.name': 'poskytovatel: název obce',
	'town.ico': 'poskytovatel: IČO',
	'town.address': 'poskytovatel: sídlo',
	'recipient.name': 'příjemce: jméno a příjmení nebo název',
	'recipient.ico': 'příjemce: IČO (prázdné, nemá-li je)',
	'recipient.address': 'příjemce: bydliště nebo sídlo',
	'recipient.birthDate': 'příjemce – fyzická osoba: datum narození (d. M. rrrr)',
	'recipient.identification': 'příjemce: „IČO: …“, nebo u fyzické osoby bez IČO „datum narození: …“',
	programmeName: 'název dotačního programu',
	purpose: 'účel dotace',
	amount: 'částka dotace (150 000,00 Kč)',
	periodFrom: 'začátek doby, v níž má být účelu dosaženo (d. M. rrrr)',
	periodTo: 'konec této doby (d. M. rrrr)',
	settlementDeadline: 'lhůta pro předložení vyúčtování (d. M. rrrr)',
} as const

export type GrantContractPlaceholder = keyof typeof GRANT_CONTRACT_PLACEHOLDERS

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g

/** The placeholders a template uses that are not in the list above (empty when it is fine). */
export function unknownPlaceholders(templateText: string): string[] {
	const unknown = new Set<string>()
	for (const match of templateText.matchAll(PLACEHOLDER)) {
		if (!(match[1]! in GRANT_CONTRACT_PLACEHOLDERS)) unknown.add(match[1]!)
	}
	return [...unknown]
}

/** Replaces every placeholder by its value (callers check unknownPlaceholders first). */
export function fillTemplate(templateText: string, values: Record<GrantContractPlaceholder, string>): string {
	return templateText.replace(PLACEHOLDER, (_whole, name: string) => values[name as GrantContractPlaceholder] ?? '')
}

export const DEFAULT_GRANT_CONTRACT_TEMPLATE = `# Veřejnoprávní smlouva o poskytnutí dotace č. {{contractNumber}}
uzavřená podle § 10a odst. 5 a § 10c zákona č. 250/2000 Sb., o rozpočtových pravidlech územních rozpočtů, a podle § 159 a násl. zákona č. 500/2004 Sb., správní řád

# Smluvní strany
Poskytovatel: {{town.name}}, se sídlem {{town.address}}, IČO: {{town.ico}} (dále jen „poskytovatel“)
a
Příjemce: {{recipient.name}}, {{recipient.identification}}, bydliště / sídlo: {{recipient.address}} (dále jen „příjemce“)

# Článek I. Předmět smlouvy a výše dotace
1. Poskytovatel poskytuje příjemci z rozpočtu obce dotaci v rámci programu „{{programmeName}}“ ve výši {{amount}} (dále jen „dotace“).
2. Dotace je poskytována jako neinvestiční, není-li v programu stanoveno jinak, a je převedena bezhotovostně na bankovní účet příjemce do 30 dnů ode dne uzavření této smlouvy.

# Článek II. Účel dotace a doba jeho dosažení
1. Účel dotace: {{purpose}}
2. Účelu má být dosaženo v době od {{periodFrom}} do {{periodTo}}. Z dotace lze hradit jen uznatelné náklady vzniklé v této době a uhrazené nejpozději v den předložení vyúčtování.

# Článek III. Podmínky použití dotace
1. Příjemce použije dotaci hospodárně a výhradně k účelu podle článku II. a v souladu s podmínkami programu, které jsou součástí této smlouvy.
2. Příjemce vede o použití dotace oddělenou účetní evidenci a umožní poskytovateli kontrolu podle zákona č. 320/2001 Sb., o finanční kontrole.
3. Příjemce nesmí dotaci převést na jinou osobu, není-li to nezbytné k dosažení účelu.
4. Příjemce oznámí poskytovateli do 15 dnů každou změnu údajů uvedených v této smlouvě a skutečnosti, které mohou ovlivnit dosažení účelu.
5. Příjemce uvede při propagaci podpořené činnosti, že byla podpořena poskytovatelem.

# Článek IV. Vyúčtování a vrácení dotace
1. Příjemce předloží poskytovateli vyúčtování dotace (přehled skutečných nákladů, kopie dokladů a závěrečnou zprávu) nejpozději do {{settlementDeadline}}.
2. Nevyčerpanou část dotace vrátí příjemce na účet poskytovatele nejpozději spolu s předložením vyúčtování, a to pod variabilním symbolem, který mu poskytovatel sdělí.
3. Nebude-li účelu dosaženo nebo zanikne-li příjemce před jeho dosažením, vrátí příjemce dotaci do 30 dnů ode dne, kdy se o tom dozvěděl.

# Článek V. Porušení podmínek
1. Použití dotace v rozporu s touto smlouvou je porušením rozpočtové kázně podle § 22 zákona č. 250/2000 Sb.
2. Předloží-li příjemce vyúčtování nebo vrátí-li nevyčerpanou část dotace nejvýše 7 dnů po lhůtě, jde o méně závažné porušení podmínek, za které činí odvod 5 % poskytnuté dotace.

# Článek VI. Závěrečná ustanovení
1. Smlouva nabývá platnosti a účinnosti dnem podpisu oběma smluvními stranami; podléhá-li uveřejnění v registru smluv podle zákona č. 340/2015 Sb., nabývá účinnosti dnem uveřejnění. Uveřejnění zajistí poskytovatel.
2. Příjemce souhlasí se zveřejněním této smlouvy v rozsahu stanoveném zákonem (§ 10d zákona č. 250/2000 Sb., zákon č. 340/2015 Sb.).
3. O poskytnutí dotace a uzavření této smlouvy rozhodl příslušný orgán poskytovatele usnesením č. ............ ze dne ............ (doložka podle § 41 zákona č. 128/2000 Sb., o obcích).

V ..................... dne .....................          V ..................... dne .....................

za poskytovatele: ..............................          příjemce: ..............................
`
