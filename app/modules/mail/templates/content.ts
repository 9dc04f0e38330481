import type { Locale } from '../../i18n/locales'
import type { MailTranslate } from '../mail-i18n'

/** What a template produces: words only. The layout turns it into the HTML and the text part. */
export type MailContent = {
	subject: string
	heading: string
	blocks: MailBlock[]
}

export type MailBlock =
	| { kind: 'paragraph'; text: string }
	/** The one thing to do: a button in HTML, "label: URL" in text. */
	| { kind: 'action'; label: string; href: string }
	/** Secondary text, smaller and muted. */
	| { kind: 'note'; text: string }
	/** An image attached inline (Content-ID), with its text alternative and a caption under it. */
	| { kind: 'image'; cid: string; alt: string; caption: string }

export type TemplateContext = {
	locale: Locale
	/** The town's name in the mail's language. */
	town: string
	t: MailTranslate
}
