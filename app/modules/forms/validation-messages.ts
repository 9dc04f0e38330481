// Messages of the derived submission schema. Kept beside it (not in i18next resources) because the
// same schema runs in the browser, where the `forms` namespace may not be loaded yet.
import type { FormLocale } from './form-definition-schema'

type Messages = {
	required: string
	tooShort: (n: number) => string
	tooLong: (n: number) => string
	pattern: string
	number: string
	integer: string
	min: (n: number | string) => string
	max: (n: number | string) => string
	date: string
	option: string
	email: string
	phone: string
	postalCode: string
	iban: string
	mustCheck: string
	tooFewItems: (n: number) => string
	tooManyItems: (n: number) => string
	tooManyFiles: (n: number) => string
}

export const VALIDATION_MESSAGES: Record<FormLocale, Messages> = {
	cs: {
		required: 'Toto pole je povinné.',
		tooShort: (n) => `Zadejte alespoň ${n} znaků.`,
		tooLong: (n) => `Zadejte nejvýše ${n} znaků.`,
		pattern: 'Hodnota nemá požadovaný tvar.',
		number: 'Zadejte číslo.',
		integer: 'Zadejte celé číslo.',
		min: (n) => `Nejmenší povolená hodnota je ${n}.`,
		max: (n) => `Největší povolená hodnota je ${n}.`,
		date: 'Zadejte datum ve tvaru RRRR-MM-DD.',
		option: 'Vyberte jednu z nabízených možností.',
		email: 'Zadejte platnou e-mailovou adresu.',
		phone: 'Zadejte telefonní číslo, např. +420 601 234 567.',
		postalCode: 'PSČ má pět číslic, např. 698 01.',
		iban: 'Zadejte platné číslo účtu ve tvaru IBAN, např. CZ65 0800 0000 1920 0014 5399.',
		mustCheck: 'Pro pokračování je třeba zaškrtnout.',
		tooFewItems: (n) => `Vyplňte alespoň ${n} položek.`,
		tooManyItems: (n) => `Vyplňte nejvýše ${n} položek.`,
		tooManyFiles: (n) => `Přiložte nejvýše ${n} souborů.`,
	},
	en: {
		required: 'This field is required.',
		tooShort: (n) => `Enter at least ${n} characters.`,
		tooLong: (n) => `Enter at most ${n} characters.`,
		pattern: 'The value is not in the expected format.',
		number: 'Enter a number.',
		integer: 'Enter a whole number.',
		min: (n) => `The smallest allowed value is ${n}.`,
		max: (n) => `The largest allowed value is ${n}.`,
		date: 'Enter a date as YYYY-MM-DD.',
		option: 'Choose one of the options offered.',
		email: 'Enter a valid e-mail address.',
		phone: 'Enter a phone number, e.g. +420 601 234 567.',
		postalCode: 'A postal code has five digits, e.g. 698 01.',
		iban: 'Enter a valid IBAN account number, e.g. CZ65 0800 0000 1920 0014 5399.',
		mustCheck: 'Tick this box to continue.',
		tooFewItems: (n) => `Fill in at least ${n} items.`,
		tooManyItems: (n) => `Fill in at most ${n} items.`,
		tooManyFiles: (n) => `Attach at most ${n} files.`,
	},
	uk: {
		required: 'Це поле є обовʼязковим.',
		tooShort: (n) => `Введіть щонайменше ${n} символів.`,
		tooLong: (n) => `Введіть не більше ${n} символів.`,
		pattern: 'Значення має неправильний формат.',
		number: 'Введіть число.',
		integer: 'Введіть ціле число.',
		min: (n) => `Найменше допустиме значення: ${n}.`,
		max: (n) => `Найбільше допустиме значення: ${n}.`,
		date: 'Введіть дату у форматі РРРР-ММ-ДД.',
		option: 'Виберіть один із запропонованих варіантів.',
		email: 'Введіть дійсну адресу електронної пошти.',
		phone: 'Введіть номер телефону, напр. +420 601 234 567.',
		postalCode: 'Поштовий індекс має пʼять цифр, напр. 698 01.',
		iban: 'Введіть дійсний номер рахунку у форматі IBAN, напр. CZ65 0800 0000 1920 0014 5399.',
		mustCheck: 'Щоб продовжити, позначте цей пункт.',
		tooFewItems: (n) => `Заповніть щонайменше ${n} пунктів.`,
		tooManyItems: (n) => `Заповніть не більше ${n} пунктів.`,
		tooManyFiles: (n) => `Додайте не більше ${n} файлів.`,
	},
}
