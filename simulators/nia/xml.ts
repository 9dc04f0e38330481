// Small XML helpers: a strict parser (no DTDs: SAML forbids them and they are the XXE/billion-laughs door),
// escaping for the string templates the messages are built from, and namespace-aware child lookups.
import { randomUUID } from 'node:crypto'
import { DOMParser, type Document, type Element } from '@xmldom/xmldom'

export class XmlError extends Error {}

export function parseXml(text: string): Document {
	if (/<!DOCTYPE/i.test(text)) throw new XmlError('the XML has a DOCTYPE, which SAML messages must not have')
	try {
		return new DOMParser({
			onError: (level, message) => {
				if (level !== 'warning') throw new XmlError(message)
			},
		}).parseFromString(text, 'text/xml')
	} catch (error) {
		throw new XmlError(`the message is not well-formed XML (${error instanceof Error ? error.message : String(error)})`)
	}
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
export function escapeXml(text: string) {
	return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char])
}

export function childElements(parent: Element, namespace: string, localName: string): Element[] {
	const found: Element[] = []
	for (let node = parent.firstChild; node; node = node.nextSibling) {
		if (node.nodeType === node.ELEMENT_NODE) {
			const element = node as Element
			if (element.namespaceURI === namespace && element.localName === localName) found.push(element)
		}
	}
	return found
}

export function childElement(parent: Element, namespace: string, localName: string): Element | undefined {
	return childElements(parent, namespace, localName)[0]
}

export function childText(parent: Element, namespace: string, localName: string): string | undefined {
	return childElement(parent, namespace, localName)?.textContent?.trim() ?? undefined
}

/** Every element in the document whose `ID` attribute equals `id` (to catch duplicated IDs). */
export function elementsWithId(document: Document, id: string): Element[] {
	const all = document.getElementsByTagName('*')
	const found: Element[] = []
	for (let index = 0; index < all.length; index++) {
		const element = all.item(index)
		if (element?.getAttribute('ID') === id) found.push(element)
	}
	return found
}

/** SAML IDs are xs:ID (NCName): must not start with a digit, hence the underscore like NIA's. */
export function newSamlId() {
	return `_${randomUUID()}`
}

/** xs:dateTime in UTC without milliseconds, as NIA writes them. */
export function samlInstant(date: Date) {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function certificateBody(pem: string) {
	return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')
}
