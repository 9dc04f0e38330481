// The one look of every e-mail: the town's colours and coat of arms in a header, the content, and a
// footer naming the sender. Inline styles and a presentation table, because mail clients ignore
// <style> sheets and modern layout; real headings, a lang attribute and descriptive link text for
// screen readers. Colours are the town's theme tokens, whose text/background pairs the blueprint
// check already holds to WCAG AA.
import type { Locale } from '../../i18n/locales'
import type { TownContact } from '../../tenancy/town-profile.server'
import type { ThemeTokens } from '../../theming/tokens'
import type { MailTranslate } from '../mail-i18n'
import type { MailBlock, MailContent } from './content'
import { cssValue, escapeHtml } from './html'

export type LayoutOptions = {
	locale: Locale
	town: string
	theme: ThemeTokens
	contact: Pick<TownContact, 'email' | 'phone'>
	/** Content-ID of the inline coat of arms, or null when the town has none. */
	logoCid: string | null
	t: MailTranslate
}

export function renderHtml(content: MailContent, options: LayoutOptions) {
	const { locale, town, theme, logoCid, t } = options
	const c = (token: keyof ThemeTokens) => cssValue(theme[token])
	const subject = escapeHtml(content.subject)
	const logo = logoCid
		? `<img src="cid:${escapeHtml(logoCid)}" alt="${escapeHtml(t('coatOfArms', { town }))}" width="48" style="display:inline-block;width:48px;height:auto;margin-right:12px;border:0;vertical-align:middle;">`
		: ''
	const blocks = content.blocks.map((block) => renderBlock(block, options)).join('\n')
	const footer = footerLines(options)
		.map((line) => `<p style="margin:0 0 8px;">${escapeHtml(line)}</p>`)
		.join('')
	return `<!DOCTYPE html>
<html lang="${locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background-color:${c('color-surface')};">
<div role="article" aria-roledescription="email" aria-label="${subject}" lang="${locale}" dir="ltr" style="padding:24px 12px;background-color:${c('color-surface')};color:${c('color-text')};font-family:${c('font-sans')};font-size:16px;line-height:1.5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;margin:0 auto;border-collapse:collapse;">
<tr><td style="padding:16px 24px;background-color:${c('color-primary')};color:${c('color-primary-contrast')};border-radius:${c('radius')} ${c('radius')} 0 0;">
${logo}<span style="font-size:20px;font-weight:bold;vertical-align:middle;">${escapeHtml(town)}</span>
</td></tr>
<tr><td style="padding:24px;background-color:${c('color-bg')};">
<h1 style="margin:0 0 16px;font-size:24px;line-height:1.25;color:${c('color-text')};">${escapeHtml(content.heading)}</h1>
${blocks}
</td></tr>
<tr><td style="padding:16px 24px;background-color:${c('color-surface')};color:${c('color-muted')};font-size:14px;">
${footer}
</td></tr>
</table>
</div>
</body>
</html>
`
}

function renderBlock(block: MailBlock, { theme, t }: LayoutOptions) {
	const c = (token: keyof ThemeTokens) => cssValue(theme[token])
	switch (block.kind) {
		case 'paragraph':
			return `<p style="margin:0 0 16px;">${escapeHtml(block.text)}</p>`
		case 'note':
			return `<p style="margin:0 0 16px;font-size:14px;color:${c('color-muted')};">${escapeHtml(block.text)}</p>`
		case 'image':
			return [
				`<p style="margin:16px 0 4px;"><img src="cid:${escapeHtml(block.cid)}" alt="${escapeHtml(block.alt)}" width="200" height="200" style="display:block;width:200px;height:200px;border:0;"></p>`,
				`<p style="margin:0 0 16px;font-size:14px;color:${c('color-muted')};"><strong>QR platba</strong><br>${escapeHtml(block.caption)}</p>`,
			].join('\n')
		case 'action': {
			const href = escapeHtml(block.href)
			return [
				`<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;padding:12px 20px;background-color:${c('color-primary')};color:${c('color-primary-contrast')};border-radius:${c('radius')};font-weight:bold;text-decoration:none;">${escapeHtml(block.label)}</a></p>`,
				`<p style="margin:0 0 16px;font-size:14px;color:${c('color-muted')};">${escapeHtml(t('linkFallback'))}<br><a href="${href}" style="color:${c('color-link')};word-break:break-all;">${href}</a></p>`,
			].join('\n')
		}
	}
}

/** The plain-text part: the same words, links written out. */
export function renderText(content: MailContent, options: LayoutOptions) {
	const lines = [options.town, '='.repeat(options.town.length), '', content.heading, '']
	for (const block of content.blocks) {
		lines.push(block.kind === 'action' ? `${block.label}: ${block.href}` : block.kind === 'image' ? block.caption : block.text, '')
	}
	lines.push('-- ', ...footerLines(options))
	return `${lines.join('\n')}\n`
}

function footerLines({ town, contact, t }: LayoutOptions) {
	const lines = [t('footer.automatic', { town })]
	if (contact.email && contact.phone) lines.push(t('footer.contact', { email: contact.email, phone: contact.phone }))
	return lines
}
