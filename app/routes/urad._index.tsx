import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Notice } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { officePage } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'

// The back office's home ("Přehled"): who you are and what you may work on. Later features hang
// their tiles here.
const NOTICES = ['welcome', 'password-changed', 'recovery-code-used'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'home.title')
	const { me } = await requireOfficeStaff(request, context)
	const url = new URL(request.url)
	const notice = NOTICES.find((key) => key === url.searchParams.get('hlaseni')) ?? null
	const recoveryCodesLeft = Number(url.searchParams.get('zbyva') ?? 0) || 0
	return {
		title: page.title,
		notice,
		recoveryCodesLeft,
		me: { name: me.name, email: me.email, roles: me.roles, agendas: me.agendas, hasTotp: Boolean(me.totpEnabledAt) },
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office'] }

export default function OfficeHome() {
	const { me, notice, recoveryCodesLeft } = useLoaderData<typeof loader>()
	const { t } = useTranslation('office')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-6 text-3xl font-bold">{t('home.title')}</h1>
			{notice ? <Notice>{t(`notices.${notice}`, { count: recoveryCodesLeft })}</Notice> : null}
			<section aria-labelledby="me-heading" className="mb-8 rounded-town border border-muted/30 bg-surface p-5">
				<h2 id="me-heading" className="mb-3 text-xl font-semibold">
					{me.name}
				</h2>
				<dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
					<dt className="text-muted">{t('fields.email')}</dt>
					<dd>{me.email}</dd>
					<dt className="text-muted">{t('home.roles')}</dt>
					<dd>{me.roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
					<dt className="text-muted">{t('home.agendas')}</dt>
					<dd>{me.agendas.length ? me.agendas.map((agenda) => t(`agendas.${agenda}`)).join(', ') : t('home.noAgendas')}</dd>
					<dt className="text-muted">{t('home.secondFactor')}</dt>
					<dd>{me.hasTotp ? t('home.totpOn') : t('home.totpOff')}</dd>
				</dl>
			</section>
			<section aria-labelledby="account-heading">
				<h2 id="account-heading" className="mb-3 text-xl font-semibold">
					{t('home.account')}
				</h2>
				<ul className="mb-4 list-disc space-y-2 pl-6">
					{me.hasTotp ? null : (
						<li>
							<Link to="/urad/dvoufaktor">{t('home.enableTotp')}</Link>
						</li>
					)}
					<li>
						<Link to="/urad/heslo">{t('home.changePassword')}</Link>
					</li>
				</ul>
				<form method="post" action="/urad/odhlasit-vsude">
					<p className="mb-2 text-muted">{t('home.logoutEverywhereHelp')}</p>
					<button type="submit" className="rounded-town border-2 border-muted bg-surface px-4 py-2 font-semibold text-ink">
						{t('home.logoutEverywhere')}
					</button>
				</form>
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
