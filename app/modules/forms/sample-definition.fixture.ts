// A small definition exercising groups, conditions, prefill and files; tests change copies of it.
import type { FormDefinitionInput } from './form-definition-schema'

export function sampleDefinition(): FormDefinitionInput {
	return {
		code: 'dog-registration',
		title: { cs: 'Přihlášení psa k poplatku', en: 'Registering a dog for the dog fee' },
		lifeSituation: 'pets',
		agenda: 'fees',
		retentionYears: 10,
		attachments: { maxFiles: 3, maxFileSizeMb: 5, maxTotalSizeMb: 10 },
		steps: [
			{
				id: 'owner',
				title: { cs: 'Držitel psa' },
				fields: [
					{ name: 'givenName', type: 'text', label: { cs: 'Jméno' }, required: true, prefill: 'givenName' },
					{ name: 'address', type: 'address', label: { cs: 'Adresa' }, required: true, prefill: 'address' },
					{
						name: 'ownerKind',
						type: 'radio',
						label: { cs: 'Držitel je' },
						options: [
							{ value: 'person', label: { cs: 'fyzická osoba' } },
							{ value: 'company', label: { cs: 'firma' } },
						],
					},
					{ name: 'companyId', type: 'text', label: { cs: 'IČO' }, pattern: '^\\d{8}$', visibleWhen: { field: 'ownerKind', op: 'equals', value: 'company' } },
				],
			},
			{
				id: 'dog',
				title: { cs: 'Pes' },
				fields: [
					{
						name: 'dogs',
						type: 'group',
						label: { cs: 'Psi' },
						required: true,
						fields: [{ name: 'name', type: 'text', label: { cs: 'Jméno psa' }, required: true }],
					},
					{ name: 'vaccination', type: 'file', label: { cs: 'Očkovací průkaz' }, required: true },
				],
			},
		],
	}
}
