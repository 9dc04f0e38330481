import { getFormProps, getInputProps, type FieldMetadata } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { useZodForm } from '~/components/office/use-zod-form'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { formatTime } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { lookUpPaymentSlip } from '~/modules/pay-without-login/look-up-payment-slip.server'
import { parseCzechAmount, SlipFormSchema } from '~/modules/pay-without-login/slip-form-schema'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['pay-without-login'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	return { title: resources[locale]['pay-without-login'].title }
}

// POST only: the pair is never a GET parameter. A match redirects to a signed, short-lived link.
export async function action({ request, context }: ActionFunctionArgs) {
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const submission = parseWithZod(await request.formData(), { schema: SlipFormSchema })
	const noStore = { 'Cache-Control': 'no-store' }
	if (submission.status !== 'success') return data({ result: submission.reply(), retryAt: null }, { status: 400, headers: noStore })
	const tenant = requireTenant(context)
	const lookup = await lookUpPaymentSlip({
		db: getTenantDb(tenant),
		tenant,
		variableSymbol: submission.value.variableSymbol,
		amount: parseCzechAmount(submission.value.amount)!,
		ip: context.portal.clientIp ?? null,
		requestId: context.portal.requestId ?? null,
		locale,
	})
	if (lookup.status === 'found') return redirect(`/zaplatit/${lookup.token}`, { status: 303, headers: noStore })
	if (lookup.status === 'not_found') return data({ result: submission.reply({ formErrors: ['notFound'] }), retryAt: null }, { status: 400, headers: noStore })
	// Rounded up to the minute, so that trying at the time shown always works.
	const retryAt = new Date(Math.ceil((Date.now() + lookup.retryAfterSeconds * 1000) / 60_000) * 60_000)
	return data(
		{ result: submission.reply(), retryAt: formatTime(retryAt, locale) },
		{ status: 429, headers: { ...noStore, 'Retry-After': String(lookup.retryAfterSeconds) } },
	)
}

// The action's no-store (and Retry-After on a 429) on the page it answers with.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has('Cache-Control') ? actionHeaders : loaderHeaders)

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function PayWithoutLogin() {
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('pay-without-login')
	const [form, fields] = useZodForm(SlipFormSchema, { id: 'pay-slip', lastResult: actionData?.result })
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
			<p className="mb-3">{t('intro')}</p>
			<p className="mb-6 text-muted">{t('whereToFind')}</p>
			<div role="alert">
				{actionData?.retryAt ? (
					<div className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 text-red-900" data-testid="slip-rate-limited">
						<h2 className="mb-1 text-xl font-semibold">{t('rateLimited.title')}</h2>
						<p>{t('rateLimited.text')}</p>
						<p className="font-semibold">{t('rateLimited.todo', { time: actionData.retryAt })}</p>
					</div>
				) : null}
				{form.errors?.includes('notFound') ? (
					<p className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900" data-testid="slip-not-found">
						{t('notFound')}
					</p>
				) : null}
			</div>
			<Form method="post" {...getFormProps(form)}>
				<SlipField field={fields.variableSymbol} label={t('form.variableSymbol')} help={t('form.variableSymbolHelp')} />
				<SlipField field={fields.amount} label={t('form.amount')} help={t('form.amountHelp')} />
				<button type="submit" className="rounded-town border-2 border-primary bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('form.submit')}
				</button>
			</Form>
			<p className="mt-8 text-sm">{t('privacy')}</p>
			<p className="mt-2">
				<Link to="/platby">{t('loginLink')}</Link>
			</p>
		</main>
	)
}

function SlipField({ field, label, help }: { field: FieldMetadata<string | undefined>; label: string; help: string }) {
	const { t } = useTranslation('pay-without-login')
	const helpId = `${field.id}-help`
	const { key, ...props } = getInputProps(field, { type: 'text', ariaDescribedBy: helpId })
	return (
		<div className="mb-4">
			<label htmlFor={field.id} className="mb-1 block font-medium">
				{label}
			</label>
			<p id={helpId} className="mb-1 text-sm text-muted">
				{help}
			</p>
			<input
				key={key}
				{...props}
				inputMode="decimal"
				autoComplete="off"
				className="w-full max-w-xs rounded-town border border-muted bg-surface px-3 py-2 text-ink"
			/>
			{field.errors?.length ? (
				<ul id={field.errorId} className="mt-1 text-sm font-medium text-red-800">
					{field.errors.map((error) => (
						<li key={error}>{t(error)}</li>
					))}
				</ul>
			) : null}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
