// JSON Schemas (2020-12) of the JSON distributions, served beside them as their `schéma`.

const nullableInteger = { type: ['integer', 'null'] }

export function feeRatesJsonSchema(id: string) {
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: id,
		title: 'Sazby místních poplatků',
		type: 'object',
		required: ['rok', 'poplatky'],
		properties: {
			rok: { type: 'integer' },
			poplatky: {
				type: 'array',
				items: {
					type: 'object',
					required: ['kód', 'název', 'sazba_kč', 'úlevy', 'sleva_při_platbě_přes_portál_procent', 'splatnosti'],
					properties: {
						kód: { type: 'string' },
						název: { type: 'object', required: ['cs'], properties: { cs: { type: 'string' }, en: { type: 'string' } } },
						sazba_kč: { type: 'integer', minimum: 0 },
						sazba_další_pes_kč: nullableInteger,
						sazba_senior_kč: nullableInteger,
						strop_kč: nullableInteger,
						úlevy: {
							type: 'array',
							items: {
								type: 'object',
								required: ['kód', 'procento', 'podmínka'],
								properties: { kód: { type: 'string' }, procento: { type: 'number' }, podmínka: { type: 'string' } },
							},
						},
						sleva_při_platbě_přes_portál_procent: { type: 'number', minimum: 0, maximum: 100 },
						splatnosti: {
							type: 'array',
							items: {
								type: 'object',
								required: ['den', 'procento'],
								properties: { den: { type: 'string', pattern: '^\\d{2}-\\d{2}$' }, procento: { type: 'number' } },
							},
						},
					},
				},
			},
		},
	}
}

export function formCatalogueJsonSchema(id: string) {
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: id,
		title: 'Katalog elektronických formulářů',
		type: 'object',
		required: ['formuláře'],
		properties: {
			formuláře: {
				type: 'array',
				items: {
					type: 'object',
					required: ['kod', 'nazev', 'zivotni_situace', 'vyzaduje_prihlaseni', 'url'],
					properties: {
						kod: { type: 'string' },
						nazev: { type: 'string' },
						nazev_en: { type: 'string' },
						popis: { type: 'string' },
						zivotni_situace: { type: 'string' },
						vyzaduje_prihlaseni: { type: 'boolean' },
						url: { type: 'string', format: 'uri' },
					},
				},
			},
		},
	}
}

export function statisticsJsonSchema(id: string) {
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: id,
		title: 'Statistiky portálu občana',
		type: 'object',
		required: ['údaje'],
		properties: {
			údaje: {
				type: 'array',
				items: {
					type: 'object',
					required: ['figure', 'unit', 'category', 'label', 'value'],
					properties: {
						figure: { type: 'string' },
						unit: { enum: ['count', 'czk', 'percent', 'days'] },
						category: { type: 'string' },
						label: { type: 'string' },
						value: { type: ['number', 'null'] },
					},
				},
			},
		},
	}
}
