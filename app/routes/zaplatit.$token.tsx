import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { getSlipPaymentView } from '~/modules/pay-without-login/get-slip-payment-view.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['pay-without-login'] }

// GET /zaplatit/<capability>: the payment page a matched slip lookup redirected to (decision 016).
// Nothing here names the person: fee, amount, due date, the town's account, the VS and its QR code.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const texts = resources[locale]['pay-without-login']
	const view = await getSlipPaymentView({ db: getTenantDb(tenant), tenantId: tenant.id, token: params.token ?? '', locale })
	// The link is a capability: never cached, never sent on as a referrer.
	const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }
	if (view.status !== 'open') {
		const status = view.status === 'invalid' ? 404 : view.status === 'expired' ? 410 : 200
		const title = view.status === 'no_account' ? texts.result.title : texts[view.status].title
		return data({ title, status: view.status, page: null }, { status, headers })
	}
	const { discount } = view
	const amount = formatMoney(view.amount, locale)
	return data(
		{
			title: texts.result.title,
			status: view.status,
			page: {
				fees: view.fees,
				amount,
				dueDate: formatDate(view.dueDate, locale),
				iban: view.iban,
				variableSymbol: view.variableSymbol,
				message: view.message,
				spayd: view.spayd,
				// Generated here from our own SPAYD string: attributes only, no script (qr-image.server.ts).
				qrSvg: view.qrSvg,
				discount:
					discount.kind === 'login_only'
						? {
								kind: discount.kind,
								percent: discount.percent,
								withLogin: formatMoney(discount.amountWithLogin, locale),
								date: formatDate(discount.until, locale),
							}
						: discount.kind === 'none'
							? { kind: discount.kind }
							: { kind: discount.kind, date: formatDate(discount.until, locale) },
			},
		},
		{ headers },
	)
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function SlipPayment() {
	const { status, page } = useLoaderData<typeof loader>()
	const { t } = useTranslation('pay-without-login')
	if (!page) {
		return (
			<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
				<h1 className="mb-4 text-3xl font-bold">{status === 'no_account' ? t('result.title') : t(`${status as 'closed' | 'expired' | 'invalid'}.title`)}</h1>
				<p className="mb-6" data-testid="slip-state">
					{status === 'no_account' ? t('noAccount') : t(`${status as 'closed' | 'expired' | 'invalid'}.text`)}
				</p>
				<Link to="/zaplatit">{t('result.another')}</Link>
			</main>
		)
	}
	const { discount } = page
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('result.title')}</h1>
			<p className="mb-6">{t('result.qrIntro')}</p>
			<div className="flex flex-wrap gap-8">
				<div className="w-64" data-testid="qr-image" dangerouslySetInnerHTML={{ __html: page.qrSvg }} />
				<dl className="grid grid-cols-[auto_1fr] content-start gap-x-6 gap-y-1">
					<dt className="font-medium">{t('result.fee')}</dt>
					<dd data-testid="slip-fee">{page.fees.map((fee) => `${fee.label} ${fee.year}`).join(', ')}</dd>
					<dt className="font-medium">{t('result.amount')}</dt>
					<dd data-testid="slip-amount" className="font-semibold">
						{page.amount}
					</dd>
					<dt className="font-medium">{t('result.dueDate')}</dt>
					<dd>{page.dueDate}</dd>
					<dt className="font-medium">{t('result.account')}</dt>
					<dd data-testid="slip-iban">{page.iban}</dd>
					<dt className="font-medium">{t('result.vs')}</dt>
					<dd data-testid="slip-vs">{page.variableSymbol}</dd>
					<dt className="font-medium">{t('result.message')}</dt>
					<dd>{page.message}</dd>
				</dl>
			</div>
			{discount.kind === 'none' ? null : (
				<div className="my-6 rounded-town border p-4" data-testid="slip-discount">
					{discount.kind === 'login_only' ? (
						<>
							<p className="mb-2">
								{t('result.loginOnly', { percent: discount.percent, date: discount.date, withLogin: discount.withLogin, amount: page.amount })}
							</p>
							<Link to="/auth/nia/login?zpet=/platby">{t('result.loginOnlyLink')}</Link>
						</>
					) : (
						<p>{discount.kind === 'kept' ? t('result.discountKept', { date: discount.date }) : t('result.discountOver', { date: discount.date })}</p>
					)}
				</div>
			)}
			<p className="my-6">{t('result.card')}</p>
			<details className="mb-6">
				<summary>{t('result.spayd')}</summary>
				<code className="break-all">{page.spayd}</code>
			</details>
			<p className="mb-2 text-sm">{t('privacy')}</p>
			<p>
				<Link to="/zaplatit">{t('result.another')}</Link>
			</p>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
