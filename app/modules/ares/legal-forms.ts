// Names of the legal forms ARES gives as codes (`pravniForma`, the ČSÚ code list "Právní forma" that
// ARES serves as its číselník PravniForma). Only the forms grant applicants commonly have; any other
// code is shown as "právní forma <code>" rather than asking ARES's code-list endpoint on every lookup.
export const LEGAL_FORM_NAMES: Record<string, string> = {
	'101': 'Fyzická osoba podnikající dle živnostenského zákona',
	'107': 'Zemědělský podnikatel – fyzická osoba',
	'111': 'Veřejná obchodní společnost',
	'112': 'Společnost s ručením omezeným',
	'113': 'Komanditní společnost',
	'117': 'Nadace',
	'118': 'Nadační fond',
	'121': 'Akciová společnost',
	'141': 'Obecně prospěšná společnost',
	'145': 'Společenství vlastníků jednotek',
	'161': 'Ústav',
	'205': 'Družstvo',
	'325': 'Organizační složka státu',
	'331': 'Příspěvková organizace',
	'701': 'Sdružení (svaz, spolek, společnost, klub aj.)',
	'706': 'Spolek',
	'736': 'Pobočný spolek',
	'721': 'Církevní organizace',
	'751': 'Zájmové sdružení právnických osob',
	'801': 'Obec',
	'804': 'Kraj',
}

export function legalFormName(code: string) {
	return LEGAL_FORM_NAMES[code] ?? `právní forma ${code}`
}
