// The persona picker: stands in for NIA's choice of login means + the citizen's consent. Every persona
// is a form posting to CHOOSE_PATH with `flow`, `persona`, `action` (and, for negative tests, `fault`).
import { CHOOSE_PATH, NIA_ATTRIBUTE } from './constants'
import { bilingual, escapeHtml, renderPage, type Page } from './html'
import { describeRequestedLoa, LOA_LABEL, satisfiesRequestedLoa } from './loa'
import { PERSONAS, type NiaPersona } from './personas'
import { RESPONSE_FAULTS, type AuthnRequestDetails } from './types'

export interface PickerInput {
	flowId: string
	sepIssuer: string
	authn: AuthnRequestDetails
}

const SHORT_NAME = new Map<string, string>(Object.entries(NIA_ATTRIBUTE).map(([short, uri]) => [uri, short]))

function addressLine(persona: NiaPersona) {
	const { address } = persona
	const number = [address.houseNumber, address.orientationNumber && `${address.orientationNumber}${address.orientationLetter ?? ''}`].filter(Boolean).join('/')
	return `${address.street ?? address.partOfTown} ${number}, ${address.postCode} ${address.town.name}`
}

function faultChooser(persona: NiaPersona) {
	const id = `fault-${persona.id}`
	const options = RESPONSE_FAULTS.map((fault) => `<option value="${fault}">${fault}</option>`).join('')
	return (
		`<details><summary>${bilingual('Pro vývojáře: pokažená odpověď', 'For developers: a broken response')}</summary>` +
		`<label for="${id}">${bilingual('Chyba v odpovědi', 'Fault in the response')}</label><br>` +
		`<select id="${id}" name="fault"><option value="">žádná / none</option>${options}</select></details>`
	)
}

function personaCard(persona: NiaPersona, input: PickerInput) {
	const headingId = `persona-${persona.id}`
	const name = `${persona.givenName} ${persona.familyName}`
	const loa = LOA_LABEL[persona.loa]
	const isEnough = satisfiesRequestedLoa(persona.loa, input.authn.requestedAuthnContext)
	const hiddenName = `<span class="visually-hidden"> jako ${escapeHtml(name)}</span>`
	const buttons = isEnough
		? `<button type="submit" name="action" value="login">Přihlásit${hiddenName} <span class="en" lang="en">Log in</span></button>`
		: `<p class="note">${bilingual(
				`Úroveň ověření ${loa.cs} nestačí; NIA by tuto osobu nepřihlásila.`,
				`Level of assurance ${loa.en} is not enough; NIA would not log this person in.`,
			)}</p>` +
			`<button type="submit" name="action" value="fail" class="secondary">Odeslat AuthnFailed${hiddenName} <span class="en" lang="en">Send AuthnFailed</span></button>` +
			`<button type="submit" name="action" value="login-anyway" class="danger">Přesto odeslat s nižší úrovní${hiddenName} ` +
			`<span class="en" lang="en">Send anyway with the lower level (tests only)</span></button>`
	return (
		`<li><article class="persona" aria-labelledby="${headingId}">` +
		`<h3 id="${headingId}">${escapeHtml(name)}</h3>` +
		`<p>${bilingual(persona.summary.cs, persona.summary.en)}</p>` +
		`<dl><dt>Narozen(a)</dt><dd>${escapeHtml(persona.dateOfBirth)}</dd>` +
		`<dt>Adresa</dt><dd>${escapeHtml(addressLine(persona))}</dd>` +
		`<dt>Úroveň ověření</dt><dd>${escapeHtml(`${loa.cs} (${loa.en})`)}</dd></dl>` +
		`<form method="post" action="${CHOOSE_PATH}">` +
		`<input type="hidden" name="flow" value="${escapeHtml(input.flowId)}"><input type="hidden" name="persona" value="${persona.id}">` +
		`${buttons}${faultChooser(persona)}</form></article></li>`
	)
}

export function renderPickerPage(input: PickerInput): Page {
	const loa = describeRequestedLoa(input.authn.requestedAuthnContext)
	const attributes = input.authn.requestedAttributes
		.map(
			(attribute) =>
				`<li><code>${escapeHtml(SHORT_NAME.get(attribute.name) ?? attribute.name)}</code>${attribute.isRequired ? ' (povinný / required)' : ''}</li>`,
		)
		.join('')
	return renderPage({
		title: 'Přihlášení – NIA simulátor',
		body:
			`<h1>${bilingual('Přihlášení k online službě', 'Log in to an online service')}</h1>` +
			`<p>${bilingual(
				`Služba ${input.sepIssuer} žádá o přihlášení s úrovní ověření ${loa.cs}.`,
				`The service ${input.sepIssuer} asks for a login with a level of assurance ${loa.en}.`,
			)}</p>` +
			`<details><summary>${bilingual('Požadované údaje', 'Requested attributes')}</summary>` +
			`<ul><li><code>PersonIdentifier</code> (vždy / always)</li>${attributes}</ul></details>` +
			`<p class="note">${bilingual(
				'Toto je simulátor pro vývoj a testy. Všechny osoby a údaje jsou smyšlené.',
				'This is a simulator for development and tests. All people and data are made up.',
			)}</p>` +
			`<h2>${bilingual('Vyberte osobu', 'Choose a person')}</h2>` +
			`<ul class="personas">${PERSONAS.map((persona) => personaCard(persona, input)).join('')}</ul>` +
			`<form method="post" action="${CHOOSE_PATH}"><input type="hidden" name="flow" value="${escapeHtml(input.flowId)}">` +
			`<button type="submit" name="action" value="cancel" class="secondary">Zrušit přihlášení <span class="en" lang="en">Cancel</span></button></form>`,
	})
}
