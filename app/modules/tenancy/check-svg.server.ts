// Is this SVG safe to serve as a town's coat of arms? Unsafe files are refused with the reason, never
// rewritten: no sanitiser library is in the stack, and a "cleaned" file the town did not draw is worse
// than a clear refusal it can act on. The file is parsed as XML (character references decoded, names
// namespace-aware), so `<svg:script>`, `&#106;avascript:` or `ONLOAD=` do not slip past a text pattern.
import type { Element, Node } from '@xmldom/xmldom'
import { parseXml, XmlError } from '../nia/xml.server'

export const SVG_PROBLEMS = [
	'not_svg',
	'doctype',
	'script',
	'event_handler',
	'foreign_object',
	'embedded_content',
	'javascript_url',
	'external_reference',
] as const
export type SvgProblem = (typeof SVG_PROBLEMS)[number]
export type SvgCheck = { ok: true } | { ok: false; problem: SvgProblem; detail: string }

/** Elements that run code or pull in other documents; any of them refuses the file. */
const REFUSED_ELEMENTS: Record<string, SvgProblem> = {
	script: 'script',
	handler: 'script',
	listener: 'event_handler',
	foreignobject: 'foreign_object',
	iframe: 'embedded_content',
	embed: 'embedded_content',
	object: 'embedded_content',
	audio: 'embedded_content',
	video: 'embedded_content',
}
const LINK_ATTRIBUTES = new Set(['href', 'src'])
// A raster image inside the file is common in exported coats of arms and fetches nothing.
const INLINE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,/i
const SCRIPT_URL = /(javascript|vbscript)\s*:|data\s*:\s*text\/html/i
// url(...) that is not a fragment of this same file, @import, or a bare http(s) reference in CSS.
const CSS_EXTERNAL = /@import|url\(\s*(?!['"]?\s*#)/i
const ANIMATION_ELEMENTS = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor'])

function refuse(problem: SvgProblem, detail: string): SvgCheck {
	return { ok: false, problem, detail }
}

function checkElement(element: Element): SvgCheck {
	const name = (element.localName ?? element.nodeName).toLowerCase()
	if (REFUSED_ELEMENTS[name]) return refuse(REFUSED_ELEMENTS[name], `<${element.nodeName}>`)
	if (name === 'style' && CSS_EXTERNAL.test(element.textContent ?? '')) return refuse('external_reference', '<style>')
	for (let index = 0; index < element.attributes.length; index++) {
		const attribute = element.attributes.item(index)!
		const attributeName = (attribute.localName ?? attribute.name).toLowerCase()
		// Browsers ignore whitespace and control characters inside a URL scheme ("java\tscript:").
		const value = [...attribute.value].filter((char) => char.charCodeAt(0) > 0x20).join('')
		if (attribute.name.toLowerCase().startsWith('xmlns')) continue
		if (attributeName.startsWith('on')) return refuse('event_handler', attribute.name)
		if (SCRIPT_URL.test(value)) return refuse('javascript_url', attribute.name)
		if (LINK_ATTRIBUTES.has(attributeName) && value !== '' && !value.startsWith('#') && !INLINE_IMAGE.test(value))
			return refuse('external_reference', `${attribute.name}="${attribute.value.slice(0, 80)}"`)
		if (CSS_EXTERNAL.test(attribute.value)) return refuse('external_reference', `${attribute.name}="${attribute.value.slice(0, 80)}"`)
		// <set attributeName="href" to="https://…"> rewrites a link after the checks above have looked at it.
		if (ANIMATION_ELEMENTS.has(name) && attributeName === 'attributename' && /(^|:)href$/i.test(value))
			return refuse('external_reference', `<${element.nodeName} attributeName="${attribute.value}">`)
	}
	return { ok: true }
}

/** Walks the whole file; the first unsafe part found is the reason given. */
export function checkSvg(text: string): SvgCheck {
	if (/<!DOCTYPE|<!ENTITY/i.test(text)) return refuse('doctype', '<!DOCTYPE>')
	if (/<\?xml-stylesheet/i.test(text)) return refuse('external_reference', '<?xml-stylesheet?>')
	let root: Element
	try {
		root = parseXml(text).documentElement as Element
	} catch (error) {
		if (error instanceof XmlError) return refuse('not_svg', error.message.slice(0, 120))
		throw error
	}
	if ((root.localName ?? root.nodeName).toLowerCase() !== 'svg') return refuse('not_svg', `<${root.nodeName}>`)
	const pending: Node[] = [root]
	while (pending.length) {
		const node = pending.pop()!
		if (node.nodeType === node.ELEMENT_NODE) {
			const checked = checkElement(node as Element)
			if (!checked.ok) return checked
		}
		// Processing instructions other than the XML declaration have no business in a coat of arms.
		if (node.nodeType === node.PROCESSING_INSTRUCTION_NODE) return refuse('external_reference', `<?${node.nodeName}?>`)
		for (let child = node.firstChild; child; child = child.nextSibling) pending.push(child)
	}
	return { ok: true }
}
