// Test helper: the text of a PDF written by pdfkit (our receipts, submission and contract PDFs), page
// by page, one line per text object. Enough of PDF for what pdfkit writes (Flate streams, Type0 fonts
// with Identity-H and a ToUnicode CMap, TJ/Tj with hex strings) so tests can read what a person would.
import { inflateSync } from 'node:zlib'

type PdfObject = { dict: string; stream?: Buffer }

function parseObjects(pdf: Buffer) {
	const source = pdf.toString('latin1')
	const objects = new Map<number, PdfObject>()
	for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)\bendobj/g)) {
		const body = match[2]!
		const streamAt = body.search(/\bstream\r?\n/)
		if (streamAt < 0) {
			objects.set(Number(match[1]), { dict: body })
			continue
		}
		const dict = body.slice(0, streamAt)
		const start = streamAt + body.slice(streamAt).indexOf('\n') + 1
		const end = body.lastIndexOf('endstream')
		let raw = Buffer.from(body.slice(start, end).replace(/\r?\n$/, ''), 'latin1')
		if (/\/FlateDecode/.test(dict)) raw = inflateSync(raw)
		objects.set(Number(match[1]), { dict, stream: raw })
	}
	return objects
}

function utf16(hex: string) {
	let text = ''
	for (let i = 0; i + 4 <= hex.length; i += 4) text += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16))
	return text
}

function parseToUnicode(cmap: string) {
	const map = new Map<number, string>()
	for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const entry of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(entry[1]!, 16), utf16(entry[2]!))
	}
	for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const entry of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
			const low = parseInt(entry[1]!, 16)
			const high = parseInt(entry[2]!, 16)
			if (entry[3]!.startsWith('[')) {
				// A ligature maps to several code points: <0066 0069>.
				const targets = [...entry[3]!.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((target) => utf16(target[1]!.replace(/\s+/g, '')))
				targets.forEach((target, index) => map.set(low + index, target))
			} else {
				const first = parseInt(entry[3]!.slice(1, -1), 16)
				for (let code = low; code <= high; code++) map.set(code, String.fromCharCode(first + code - low))
			}
		}
	}
	return map
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1])

/** The text of each page, in page order. */
export function pdfPagesText(pdf: Buffer): string[] {
	const objects = parseObjects(pdf)
	const pages = [...objects.entries()].filter(([, object]) => /\/Type\s*\/Page\b/.test(object.dict))
	const kids = [...objects.values()].find((object) => /\/Type\s*\/Pages\b/.test(object.dict))
	const order = kids ? [...kids.dict.matchAll(/(\d+) 0 R/g)].map((match) => Number(match[1])) : []
	pages.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
	return pages.map(([, page]) => {
		const resources = objects.get(ref(page.dict, 'Resources'))?.dict ?? page.dict
		const fonts = new Map<string, Map<number, string>>()
		for (const match of resources.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
			const font = objects.get(Number(match[2]))
			const cmap = font && objects.get(ref(font.dict, 'ToUnicode'))?.stream
			if (cmap) fonts.set(match[1]!, parseToUnicode(cmap.toString('latin1')))
		}
		const content = objects.get(ref(page.dict, 'Contents'))?.stream?.toString('latin1') ?? ''
		const lines: string[] = []
		let font = new Map<number, string>()
		let line = ''
		for (const token of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g)) {
			if (token[1]) font = fonts.get(token[1]) ?? new Map()
			else if (token[0] === 'ET') {
				lines.push(line)
				line = ''
			} else {
				// In a TJ array a large negative number moves right: pdfkit's justified text puts its spaces so.
				const parts = token[2] !== undefined ? [...token[2].matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)] : [[`<${token[3]}>`, token[3]]]
				for (const part of parts) {
					if (part[1] === undefined) {
						if (Number(part[2]) <= -200 && !line.endsWith(' ')) line += ' '
						continue
					}
					for (let i = 0; i + 4 <= part[1].length; i += 4) line += font.get(parseInt(part[1].slice(i, i + 4), 16)) ?? '\uFFFD'
				}
			}
		}
		return lines.join('\n')
	})
}

/** All the text of the PDF, pages joined. */
export function pdfText(pdf: Buffer): string {
	return pdfPagesText(pdf).join('\n')
}
