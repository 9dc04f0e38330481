// The simulator's register: a few companies and associations, in ARES's EkonomickySubjekt shape. The
// IČOs are made up (valid by checksum); the two Veselí associations are the demo's grant applicants.
export type AresSidlo = {
	kodStatu: string
	nazevStatu: string
	nazevKraje: string
	nazevObce: string
	nazevCastiObce?: string
	nazevUlice?: string
	cisloDomovni?: number
	cisloOrientacni?: number
	psc: number
	textovaAdresa: string
}
export type AresEkonomickySubjekt = {
	ico: string
	obchodniJmeno: string
	sidlo: AresSidlo
	pravniForma: string
	financniUrad?: string
	datumVzniku: string
	datumAktualizace: string
	dic?: string
	icoId: string
	primarniZdroj: string
	czNace?: string[]
}

function subject(
	ico: string,
	name: string,
	pravniForma: string,
	sidlo: Omit<AresSidlo, 'kodStatu' | 'nazevStatu'>,
	extra: Partial<AresEkonomickySubjekt> = {},
): AresEkonomickySubjekt {
	return {
		ico,
		obchodniJmeno: name,
		sidlo: { kodStatu: 'CZ', nazevStatu: 'Česká republika', ...sidlo },
		pravniForma,
		datumVzniku: '1995-03-01',
		datumAktualizace: '2026-11-30',
		icoId: ico,
		primarniZdroj: pravniForma === '706' || pravniForma === '736' ? 'vr' : 'res',
		...extra,
	}
}

const veseli = { nazevKraje: 'Jihomoravský kraj', nazevObce: 'Veselí nad Moravou', psc: 69801 }
const znojmo = { nazevKraje: 'Jihomoravský kraj', nazevObce: 'Znojmo', psc: 66902 }

export const DEMO_ARES_SUBJECTS: AresEkonomickySubjekt[] = [
	subject(
		'44936109',
		'TJ Sokol Veselí nad Moravou, z.s.',
		'706',
		{
			...veseli,
			nazevUlice: 'Tyršova',
			cisloDomovni: 1010,
			cisloOrientacni: 2,
			textovaAdresa: 'Tyršova 1010/2, 69801 Veselí nad Moravou',
		},
		{ datumVzniku: '1990-05-12', czNace: ['93120'] },
	),
	subject(
		'22654313',
		'Spolek přátel Veselí, z. s.',
		'706',
		{
			...veseli,
			nazevUlice: 'náměstí Míru',
			cisloDomovni: 667,
			textovaAdresa: 'náměstí Míru 667, 69801 Veselí nad Moravou',
		},
		{ datumVzniku: '2014-09-03', czNace: ['94990'] },
	),
	subject(
		'05318726',
		'Junák – český skaut, středisko Znojmo, z. s.',
		'736',
		{
			...znojmo,
			nazevUlice: 'Horní náměstí',
			cisloDomovni: 139,
			textovaAdresa: 'Horní náměstí 139, 66902 Znojmo',
		},
		{ datumVzniku: '1991-02-20' },
	),
	subject(
		'27114589',
		'Moravská stavební s.r.o.',
		'112',
		{
			...veseli,
			nazevUlice: 'Hutník',
			cisloDomovni: 1464,
			textovaAdresa: 'Hutník 1464, 69801 Veselí nad Moravou',
		},
		{ dic: 'CZ27114589', financniUrad: '367', datumVzniku: '2006-01-18', czNace: ['41201'] },
	),
	subject(
		'60793449',
		'Znojemské vinařství a.s.',
		'121',
		{
			...znojmo,
			nazevUlice: 'Pražská',
			cisloDomovni: 2112,
			cisloOrientacni: 5,
			textovaAdresa: 'Pražská 2112/5, 66902 Znojmo',
		},
		{ dic: 'CZ60793449', financniUrad: '368', datumVzniku: '1994-07-01', czNace: ['11020'] },
	),
	// A municipality not yet on the portal: the vendor console's onboarding wizard checks its IČO (e2e "Obec Nová Ves").
	subject(
		'00293717',
		'Obec Nová Ves',
		'801',
		{
			nazevKraje: 'Jihomoravský kraj',
			nazevObce: 'Nová Ves',
			nazevUlice: 'Návesní',
			cisloDomovni: 1,
			psc: 66491,
			textovaAdresa: 'Návesní 1, 66491 Nová Ves',
		},
		{ datumVzniku: '1990-11-24' },
	),
]
