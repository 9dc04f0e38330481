import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { LOCALES } from '~/modules/i18n/locales'
import { getCaughtMail, requireMailCatcher } from '~/modules/mail/mail-catcher-page.server'

// One captured e-mail. The HTML part is not rendered here: its inline styles would break the page's
// strict CSP, and cid: images do not load in a browser. The page shows what a newcomer needs instead:
// the links as real links, the text part, the parts list with the coat of arms, and the .eml to open
// in a mail program.
export const handle = { i18n: ['platform-mail'] }

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const inbox = await requireMailCatcher(request, context)
	const locale = await getRequestLocale(request, { enabledLocales: [...LOCALES], defaultLocale: 'cs' })
	return { mail: getCaughtMail(inbox, params.id ?? '', locale) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.mail.subject ?? 'E-mail'} – Portál občana` }]

export default function CapturedMail() {
	const { mail } = useLoaderData<typeof loader>()
	const { t } = useTranslation('platform-mail')
	const headers: [string, string | null][] = [
		[t('detail.from'), mail.from],
		[t('detail.to'), mail.to],
		[t('detail.receivedAt'), mail.receivedAtText],
		[t('detail.town'), mail.tenant],
		[t('detail.template'), mail.template],
	]
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/platform/mail">{t('detail.back')}</Link>
			</p>
			<h1 className="mb-6 text-3xl font-bold break-words">{mail.subject || t('noSubject')}</h1>

			<h2 className="sr-only">{t('detail.headersHeading')}</h2>
			<dl className="mb-8 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
				{headers
					.filter(([, value]) => value)
					.map(([label, value]) => (
						<div key={label} className="contents">
							<dt className="font-semibold">{label}</dt>
							<dd className="break-all">{value}</dd>
						</div>
					))}
			</dl>

			<h2 className="mb-2 text-xl font-semibold">{t('detail.linksHeading')}</h2>
			{mail.links.length ? (
				<>
					<p className="mb-2 text-muted">{t('detail.linksHint')}</p>
					<ul className="mb-8 list-disc space-y-1 pl-6">
						{mail.links.map((link) => (
							<li key={link.href}>
								<a href={link.href} rel="noreferrer">
									{link.text}
								</a>
								{link.text !== link.href ? <span className="ml-2 break-all text-sm text-muted">{link.href}</span> : null}
							</li>
						))}
					</ul>
				</>
			) : (
				<p className="mb-8">{t('detail.noLinks')}</p>
			)}

			<h2 className="mb-2 text-xl font-semibold">{t('detail.textHeading')}</h2>
			{mail.text ? (
				<pre className="mb-8 overflow-x-auto whitespace-pre-wrap rounded-town bg-surface p-4 text-sm">{mail.text}</pre>
			) : (
				<p className="mb-8">{t('detail.noText')}</p>
			)}

			<h2 className="mb-2 text-xl font-semibold">{t('detail.partsHeading')}</h2>
			<ul className="mb-6 space-y-2">
				<li>{mail.htmlSize ? t('detail.htmlPart', { size: mail.htmlSize }) : t('detail.noHtml')}</li>
				{mail.attachments.map((attachment) => (
					<li key={attachment.key} className="flex items-center gap-3">
						{attachment.preview ? <img src={attachment.preview} alt={t('detail.previewAlt', { name: attachment.name })} className="h-12 w-auto" /> : null}
						<span>
							{attachment.name} ({attachment.contentType}, {attachment.size}
							{attachment.inline ? `, ${t('detail.inline')}` : ''})
						</span>
					</li>
				))}
			</ul>
			<p>
				<a href={`/platform/mail/${mail.id}/source`} download={`${mail.id}.eml`}>
					{t('detail.download')}
				</a>
			</p>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
