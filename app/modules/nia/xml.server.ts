// Small XML helpers for the SAML code: a strict parser (no DTDs: SAML forbids them and they are the
// XXE / billion-laughs door), namespace-aware lookups, escaping, and PEM <-> base64 certificates.
import { X509Certificate } from 'node:crypto'
import { DOMParser, type Document, type Element } from '@xmldom/xmldom'

export class XmlError extends Error {}

export function parseXml(text: string): Document {
	if (/<!DOCTYPE/i.test(text)) throw new XmlError('the XML has a DOCTYPE, which SAML documents must not have')
	try {
		const document = new DOMParser({
			onError: (level, message) => {
				if (level !== 'warning') throw new XmlError(message)
			},
		}).parseFromString(text, 'text/xml')
		if (!document.documentElement) throw new XmlError('the document has no root element')
		return document
	} catch (error) {
		if (error instanceof XmlError) throw error
		throw new XmlError(`not well-formed XML (${error instanceof Error ? error.message : String(error)})`)
	}
}

export function childElements(parent: Element, namespace: string, localName: string): Element[] {
	const found: Element[] = []
	for (let node = parent.firstChild; node; node = node.nextSibling) {
		if (node.nodeType !== node.ELEMENT_NODE) continue
		const element = node as Element
		if (element.namespaceURI === namespace && element.localName === localName) found.push(element)
	}
	return found
}

export function childElement(parent: Element, namespace: string, localName: string): Element | undefined {
	return childElements(parent, namespace, localName)[0]
}

/** Every descendant element with this namespace and local name, in document order. */
export function descendants(parent: Element | Document, namespace: string, localName: string): Element[] {
	const list = parent.getElementsByTagNameNS(namespace, localName)
	const found: Element[] = []
	for (let index = 0; index < list.length; index++) found.push(list.item(index)!)
	return found
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
export function escapeXml(text: string) {
	return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!)
}

/** The base64 body of a PEM certificate (as it goes into ds:X509Certificate). */
export function certificateBody(pem: string) {
	return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')
}

/** A PEM certificate from a ds:X509Certificate text; throws when it is not a readable certificate. */
export function certificateFromBase64(base64: string) {
	const body = base64.replace(/\s+/g, '')
	const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`
	new X509Certificate(pem)
	return pem
}
