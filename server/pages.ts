// Plain pages answered before a town is known, or when it cannot be served. They name no town.
const pages = {
	notFound: {
		title: 'Stránka nenalezena / Not found',
		body: `<h1>Stránka nenalezena</h1><p>Na této adrese žádný portál není. Zkontrolujte prosím adresu.</p><h2 lang="en">Not found</h2><p lang="en">There is no portal at this address. Please check the address.</p>`,
	},
	badRequest: {
		title: 'Chybný požadavek / Bad request',
		body: `<h1>Chybný požadavek</h1><p>Požadavek nemá platnou adresu serveru.</p><h2 lang="en">Bad request</h2><p lang="en">The request does not carry a valid host name.</p>`,
	},
	suspended: {
		title: 'Portál je dočasně mimo provoz / Portal temporarily unavailable',
		body: `<h1>Portál je dočasně mimo provoz</h1><p>Provoz tohoto portálu je pozastaven. Obraťte se prosím přímo na úřad.</p><h2 lang="en">The portal is temporarily unavailable</h2><p lang="en">This portal has been suspended. Please contact the town office directly.</p>`,
	},
	unavailable: {
		title: 'Služba je dočasně nedostupná / Service temporarily unavailable',
		body: `<h1>Služba je dočasně nedostupná</h1><p>Omlouváme se, portál teď nemůže odpovědět. Zkuste to prosím za chvíli znovu.</p><h2 lang="en">Service temporarily unavailable</h2><p lang="en">Sorry, the portal cannot answer right now. Please try again in a moment.</p>`,
	},
} as const

export type PlainPage = keyof typeof pages

export function renderPlainPage(which: PlainPage, nonce: string) {
	const { title, body } = pages[which]
	return `<!doctype html><html lang="cs"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${title}</title><style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}h1,h2{font-size:1.5rem}</style></head><body><main>${body}</main></body></html>`
}
