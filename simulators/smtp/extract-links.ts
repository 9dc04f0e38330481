export type MailLink = { href: string; text: string }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(text: string) {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
			return Number.isFinite(code) ? String.fromCodePoint(code) : whole
		}
		return ENTITIES[name.toLowerCase()] ?? whole
	})
}

function isWebLink(href: string) {
	try {
		const url = new URL(href)
		return url.protocol === 'http:' || url.protocol === 'https:'
	} catch {
		return false
	}
}

/**
 * The http(s) links of a message, each once (first occurrence wins), with its link text: anchors of
 * the HTML part first, then bare URLs of the text part. Anything else (javascript:, mailto:, cid:) is
 * left out, since the demo page turns these into clickable links.
 */
export function extractLinks({ html, text }: { html: string | null; text: string | null }): MailLink[] {
	const links = new Map<string, string>()
	for (const match of (html ?? '').matchAll(/<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a>/gi)) {
		const href = decodeEntities((match[1] ?? match[2] ?? '').trim())
		const label = decodeEntities(match[3].replace(/<[^>]*>/g, ' '))
			.replace(/\s+/g, ' ')
			.trim()
		if (isWebLink(href) && !links.has(href)) links.set(href, label || href)
	}
	for (const match of (text ?? '').matchAll(/https?:\/\/[^\s<>"']+/g)) {
		const href = match[0].replace(/[.,;:!?)]+$/, '')
		if (isWebLink(href) && !links.has(href)) links.set(href, href)
	}
	return [...links].map(([href, label]) => ({ href, text: label }))
}
