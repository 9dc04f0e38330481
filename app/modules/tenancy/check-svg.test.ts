import { describe, expect, test } from 'vitest'
import { checkLogo } from './check-logo.server'
import { checkSvg } from './check-svg.server'

// A coat of arms is served from the town's own host: an SVG that runs code or fetches something there
// would run as the portal. Each sample below is a known way in; each must be refused with its reason.
const svg = (inner: string, rootAttributes = '') =>
	`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${rootAttributes}>${inner}</svg>`

describe('checkSvg refuses unsafe coats of arms with the reason', () => {
	test.each([
		['a script element', svg('<script>alert(1)</script>'), 'script'],
		['a script in another namespace prefix', '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>', 'script'],
		['a script element in upper case', svg('<SCRIPT>alert(1)</SCRIPT>'), 'script'],
		['an onload handler on the root', svg('', ' onload="alert(1)"'), 'event_handler'],
		['an upper-case ONCLICK handler', svg('<rect ONCLICK="alert(1)" width="1" height="1"/>'), 'event_handler'],
		['an SVG Tiny listener', svg('<listener event="click" handler="#h"/>'), 'event_handler'],
		['a foreignObject with HTML', svg('<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="x"/></body></foreignObject>'), 'foreign_object'],
		['an iframe', svg('<iframe src="https://evil.example"/>'), 'embedded_content'],
		['a javascript: link', svg('<a href="javascript:alert(1)"><rect width="1" height="1"/></a>'), 'javascript_url'],
		[
			'a javascript: link hidden in character references',
			svg('<a xlink:href="&#106;ava&#x73;cript:alert(1)"><rect width="1" height="1"/></a>'),
			'javascript_url',
		],
		['a javascript: link split by a tab', svg('<a href="java\tscript:alert(1)"><rect width="1" height="1"/></a>'), 'javascript_url'],
		['an image from another host', svg('<image href="https://tracker.example/pixel.png" width="1" height="1"/>'), 'external_reference'],
		['a use of another file', svg('<use xlink:href="https://evil.example/sprite.svg#x"/>'), 'external_reference'],
		['an embedded SVG data URL', svg('<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" width="1" height="1"/>'), 'external_reference'],
		['a CSS import in a style element', svg('<style>@import url(https://evil.example/a.css);</style>'), 'external_reference'],
		['a url() to another host in a style attribute', svg('<rect style="fill: url(https://evil.example/p.svg#g)" width="1" height="1"/>'), 'external_reference'],
		['a quoted url() to another host', svg(`<rect fill="url('https://evil.example/p.svg#g')" width="1" height="1"/>`), 'external_reference'],
		[
			'an animation that rewrites a link',
			svg('<a href="#ok"><set attributeName="href" to="javascript:alert(1)"/><rect width="1" height="1"/></a>'),
			'external_reference',
		],
		[
			'an animation that points a link elsewhere',
			svg('<a href="#ok"><animate attributeName="xlink:href" values="https://evil.example"/><rect width="1" height="1"/></a>'),
			'external_reference',
		],
		['an external stylesheet instruction', `<?xml-stylesheet href="https://evil.example/a.css"?>${svg('')}`, 'external_reference'],
		['a DOCTYPE with entities (billion laughs, XXE)', `<!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg('<text>&a;</text>')}`, 'doctype'],
		['HTML pretending to be SVG', '<html><body><script>alert(1)</script></body></html>', 'not_svg'],
		['a file that is not XML', '<svg><rect></svg>', 'not_svg'],
	])('%s', (_name, text, problem) => {
		const checked = checkSvg(text)
		expect(checked.ok).toBe(false)
		expect(checked.ok ? null : checked.problem).toBe(problem)
	})

	test('a plain coat of arms passes: gradients, fragment links, inline raster images, the XML declaration', () => {
		const plain = `<?xml version="1.0" encoding="UTF-8"?>\n${svg(
			'<defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/></linearGradient><path id="p" d="M0 0h10v10z"/></defs>' +
				`<rect fill="url(#g)" style="stroke: url('#g')" width="10" height="10"/><use xlink:href="#p"/>` +
				'<image href="data:image/png;base64,iVBORw0KGgo=" width="2" height="2"/><title>Znak obce</title>',
		)}`
		expect(checkSvg(plain)).toEqual({ ok: true })
	})

	test('checkLogo says which rule an upload broke, and refuses rather than cleans', () => {
		const checked = checkLogo('znak.svg', Buffer.from(svg('<script>alert(1)</script><rect width="1" height="1"/>')))
		expect(checked).toEqual({ ok: false, problem: 'unsafe_svg', svgProblem: 'script', detail: '<script>' })
		expect(checkLogo('znak.svg', Buffer.from(svg('<rect width="1" height="1"/>')))).toEqual({ ok: true, type: 'image/svg+xml' })
	})
})
