import { describe, expect, test } from 'vitest'
import { buildSubmissionSchema } from './build-submission-schema'
import { FormDefinitionSchema } from './form-definition-schema'
import { sampleDefinition } from './sample-definition.fixture'

const definition = FormDefinitionSchema.parse(sampleDefinition())
const FILE_ID = '7d9f2c1e-2a4b-4c3d-8e5f-0a1b2c3d4e5f'
const valid = {
	givenName: 'Jana',
	address: { street: 'Náměstí Míru 1', city: 'Veselí nad Moravou', postalCode: '69801' },
	ownerKind: 'person',
	dogs: [{ name: 'Rex' }],
	vaccination: FILE_ID,
}

function errorsOf(input: unknown, locale = 'cs') {
	const result = buildSubmissionSchema(definition, locale).safeParse(input)
	return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('the submission schema derived from a definition', () => {
	test('valid input is accepted and normalised (postal code spaced, file ids as a list, hidden fields dropped)', () => {
		const data = buildSubmissionSchema(definition, 'cs').parse({ ...valid, companyId: 'left over' })
		expect(data).toEqual({ ...valid, address: { ...valid.address, postalCode: '698 01' }, vaccination: [FILE_ID] })
	})

	test('required fields, a bad postal code and an empty group are refused field by field, in the citizen language', () => {
		expect(errorsOf({ address: { street: 'Náměstí Míru 1', city: 'Veselí', postalCode: '6980' }, dogs: [{ name: '' }] })).toEqual({
			givenName: 'Toto pole je povinné.',
			'address.postalCode': 'PSČ má pět číslic, např. 698 01.',
			// The required group's one blank row stays: its empty field gets its own message at the field.
			'dogs.0.name': 'Toto pole je povinné.',
			vaccination: 'Toto pole je povinné.',
		})
		// No row at all: there is no field to point at, so the message is the group's.
		expect(errorsOf({ ...valid, dogs: [] })).toEqual({ dogs: 'Toto pole je povinné.' })
		expect(errorsOf({ ...valid, givenName: '' }, 'en')).toEqual({ givenName: 'This field is required.' })
		expect(errorsOf({ ...valid, givenName: '' }, 'uk')).toEqual({ givenName: 'Це поле є обовʼязковим.' })
	})

	test("a pattern error says what is expected, in the citizen's language, when the definition says it", () => {
		const input = sampleDefinition()
		const companyId = input.steps[0]!.fields[3] as { patternMessage?: object }
		companyId.patternMessage = { cs: 'IČO má 8 číslic.', en: 'A company ID has 8 digits.' }
		const withMessage = FormDefinitionSchema.parse(input)
		const errors = (locale: string) =>
			buildSubmissionSchema(withMessage, locale)
				.safeParse({ ...valid, ownerKind: 'company', companyId: '123' })
				.error?.issues.map((i) => i.message)
		expect(errors('cs')).toEqual(['IČO má 8 číslic.'])
		expect(errors('en')).toEqual(['A company ID has 8 digits.'])
		// No Ukrainian text: the Czech one, never an empty message.
		expect(errors('uk')).toEqual(['IČO má 8 číslic.'])
	})

	test('a conditional field is checked only when visible', () => {
		expect(errorsOf({ ...valid, ownerKind: 'company', companyId: '123' })).toEqual({ companyId: 'Hodnota nemá požadovaný tvar.' })
		expect(errorsOf({ ...valid, ownerKind: 'company', companyId: '12345678' })).toEqual({})
		expect(errorsOf({ ...valid, ownerKind: 'person', companyId: '123' })).toEqual({})
	})

	test('a value outside the options, a bad row in a group and a non-id file value are refused', () => {
		expect(errorsOf({ ...valid, ownerKind: 'robot', dogs: [{ name: 'Rex' }, { name: '' }, { name: 'R'.repeat(201) }], vaccination: 'evil.pdf' })).toEqual({
			ownerKind: 'Vyberte jednu z nabízených možností.',
			// The blank row is dropped (an added but unused row), so the long name is row 1.
			'dogs.1.name': 'Zadejte nejvýše 200 znaků.',
			vaccination: expect.any(String),
		})
	})

	test('number, date, e-mail, phone and IBAN fields', () => {
		const steps = [
			{
				id: 'x',
				title: { cs: 'X' },
				fields: [
					{ name: 'count', type: 'number', label: { cs: 'Počet' }, min: 1, max: 10, integer: true },
					{ name: 'from', type: 'date', label: { cs: 'Od' }, min: '2026-01-01' },
					{ name: 'email', type: 'email', label: { cs: 'E-mail' } },
					{ name: 'phone', type: 'phone', label: { cs: 'Telefon' } },
					{ name: 'iban', type: 'iban', label: { cs: 'Účet' } },
					{ name: 'agree', type: 'checkbox', label: { cs: 'Souhlasím' }, required: true },
				],
			},
		]
		const schema = buildSubmissionSchema(FormDefinitionSchema.parse({ ...sampleDefinition(), steps }), 'en')
		expect(
			schema.parse({ count: '3', from: '2026-05-01', email: 'Jana@Example.CZ', phone: '+420 601 234 567', iban: 'cz65 0800 0000 1920 0014 5399', agree: 'on' }),
		).toEqual({
			count: 3,
			from: '2026-05-01',
			email: 'jana@example.cz',
			phone: '+420 601 234 567',
			iban: 'CZ6508000000192000145399',
			agree: true,
		})
		const result = schema.safeParse({ count: '2,5', from: '2025-12-31', email: 'jana@', phone: 'call me', iban: 'CZ65 0800 0000 1920 0014 5398' })
		expect(result.success).toBe(false)
		expect(Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
			count: 'Enter a whole number.',
			from: 'The smallest allowed value is 2026-01-01.',
			email: 'Enter a valid e-mail address.',
			phone: 'Enter a phone number, e.g. +420 601 234 567.',
			iban: 'Enter a valid IBAN account number, e.g. CZ65 0800 0000 1920 0014 5399.',
			agree: 'Tick this box to continue.',
		})
	})
})
