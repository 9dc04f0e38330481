import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Notice, SubmitButton } from '~/components/office/form-field'
import { CredentialHistory } from '~/components/office/credential-history'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { recordAudit } from '~/modules/audit/record-audit.server'
import { isAppError } from '~/modules/errors/app-error'
import { formatDate } from '~/modules/i18n/format'
import { resources } from '~/modules/i18n/resources.server'
import { getGatewayClient } from '~/modules/payments/gateways/clients.server'
import { listGatewayCredentials, retireGatewayCredential, setGatewayCredential } from '~/modules/payments/gateway-credentials.server'
import { CARD_PROVIDERS } from '~/modules/payments/providers/payment-provider'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// Town admins set the town's gateway credentials. Values go in, are encrypted and never come back:
// the page shows only a masked hint and the history.
const IntentSchema = z.object({ intent: z.enum(['set', 'retire']), provider: z.enum(CARD_PROVIDERS) })

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'update', 'TownSettings', { request, context })
	const rows = await listGatewayCredentials(user.db)
	return {
		title: `${resources[page.locale]['card-payments'].gateways.title} – ${page.townName}`,
		webhookUrl: getGatewayClient('stripe').callbackUrls(page.origin, '').notificationUrl,
		active: rows.filter((row) => row.status === 'active').map((row) => ({ provider: row.provider, hint: row.maskedHint })),
		history: rows.map((row) => ({
			id: row.id,
			provider: row.provider,
			status: row.status,
			hint: row.maskedHint,
			keyId: row.keyId,
			createdBy: row.createdBy ?? '—',
			createdAt: formatDate(row.createdAt, page.locale),
		})),
	}
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'update', 'TownSettings', { request, context })
	const form = Object.fromEntries(await request.formData())
	const parsed = IntentSchema.safeParse(form)
	if (!parsed.success) return data({ error: 'invalid' as const, provider: null, details: 'intent' }, { status: 400 })
	const { intent, provider } = parsed.data
	if (intent === 'retire') {
		await retireGatewayCredential({ db: user.db, provider })
		await recordAudit(user.db, { action: 'gateway.retired', staffId: user.me.id, subject: `Gateway:${provider}`, ...requestMeta(context) })
		return redirect('/urad/platebni-brany?vypnuto=1')
	}
	const fields = [...getGatewayClient(provider).credentialFields.map((field) => field.name), 'apiUrl']
	const values = Object.fromEntries(fields.map((name) => [name, typeof form[name] === 'string' && form[name] !== '' ? form[name] : undefined]))
	try {
		const saved = await setGatewayCredential({ db: user.db, provider, values, actor: user.me.email })
		// Never the values: only which provider and the masked hint.
		await recordAudit(user.db, {
			action: 'gateway.credential_set',
			staffId: user.me.id,
			subject: `Gateway:${provider}`,
			details: { hint: saved.maskedHint },
			...requestMeta(context),
		})
	} catch (error) {
		// Not an official API address of the provider (decision 014): said at the field, nothing stored.
		if (isAppError(error, 'gateway_url_refused')) return data({ error: 'apiUrl' as const, provider, details: '' }, { status: 400 })
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ error: 'invalid' as const, provider, details: error.details.join('; ') }, { status: 400 })
	}
	return redirect('/urad/platebni-brany?ulozeno=1')
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'card-payments'] }

function SecretInput({ name, label, id, hint, error }: { name: string; label: string; id?: string; hint?: string; error?: string }) {
	const describedBy = [hint && id ? `${id}-hint` : null, error && id ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
	return (
		<div className="mb-3">
			<label className="block">
				<span className="block font-medium">{label}</span>
				<input
					id={id}
					name={name}
					type={name.toLowerCase().includes('secret') || name === 'secretKey' ? 'password' : 'text'}
					autoComplete="off"
					aria-invalid={error ? true : undefined}
					aria-describedby={describedBy}
					className="w-full max-w-md rounded-town border px-2 py-1"
				/>
			</label>
			{hint ? (
				<p id={`${id}-hint`} className="mt-1 text-sm text-muted">
					{hint}
				</p>
			) : null}
			{error ? (
				<p id={`${id}-error`} className="mt-1 font-semibold text-red-800">
					{error}
				</p>
			) : null}
		</div>
	)
}

/** The API URL field: empty means the provider's production API; the hint names what else is accepted. */
function ApiUrlInput({ provider, failedProvider }: { provider: 'gopay' | 'stripe'; failedProvider: string | null }) {
	const { t } = useTranslation('card-payments')
	return (
		<SecretInput
			name="apiUrl"
			id={`${provider}-api-url`}
			label={t('gateways.fields.apiUrl')}
			hint={t(`gateways.apiUrlHint.${provider}`)}
			error={failedProvider === provider ? t(`gateways.apiUrlRefused.${provider}`) : undefined}
		/>
	)
}

export default function GatewaysPage() {
	const { active, history, webhookUrl } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [search] = useSearchParams()
	const { t } = useTranslation('card-payments')
	const urlRefusedFor = actionData?.error === 'apiUrl' ? actionData.provider : null
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('gateways.title')}</h1>
			<p className="mb-4">{t('gateways.intro')}</p>
			{search.has('ulozeno') ? <Notice>{t('gateways.saved')}</Notice> : null}
			{search.has('vypnuto') ? <Notice>{t('gateways.retiredDone')}</Notice> : null}
			{actionData?.error === 'invalid' ? (
				<p role="alert" className="mb-4 font-semibold text-red-800">
					{t('gateways.invalid', { details: actionData.details })}
				</p>
			) : null}
			<h2 className="mb-2 text-xl font-semibold">{t('gateways.current')}</h2>
			{active.length ? (
				<ul className="mb-6 list-disc pl-6">
					{active.map((row) => (
						<li key={row.provider}>
							<Form method="post" className="inline">
								{row.provider}: {row.hint} <input type="hidden" name="provider" value={row.provider} />
								<SubmitButton name="intent" value="retire" variant="secondary">
									{t('gateways.retire', { provider: row.provider })}
								</SubmitButton>
							</Form>
						</li>
					))}
				</ul>
			) : (
				<p className="mb-6">{t('gateways.none')}</p>
			)}
			<p className="mb-6">{t('gateways.webhookUrl', { url: webhookUrl })}</p>
			{urlRefusedFor ? (
				<p role="alert" className="mb-4 font-semibold text-red-800">
					{t(`gateways.apiUrlRefused.${urlRefusedFor}`)}
				</p>
			) : null}
			<div className="mb-8 grid gap-8 md:grid-cols-2">
				<Form method="post" aria-labelledby="set-gopay">
					<h2 id="set-gopay" className="mb-2 text-xl font-semibold">
						{t('gateways.setGoPay')}
					</h2>
					<input type="hidden" name="provider" value="gopay" />
					<SecretInput name="goId" label={t('gateways.fields.goId')} />
					<SecretInput name="clientId" label={t('gateways.fields.clientId')} />
					<SecretInput name="clientSecret" label={t('gateways.fields.clientSecret')} />
					<ApiUrlInput provider="gopay" failedProvider={urlRefusedFor} />
					<SubmitButton name="intent" value="set">
						{t('gateways.save')}
					</SubmitButton>
				</Form>
				<Form method="post" aria-labelledby="set-stripe">
					<h2 id="set-stripe" className="mb-2 text-xl font-semibold">
						{t('gateways.setStripe')}
					</h2>
					<input type="hidden" name="provider" value="stripe" />
					<SecretInput name="secretKey" label={t('gateways.fields.secretKey')} />
					<SecretInput name="webhookSecret" label={t('gateways.fields.webhookSecret')} />
					<ApiUrlInput provider="stripe" failedProvider={urlRefusedFor} />
					<SubmitButton name="intent" value="set">
						{t('gateways.save')}
					</SubmitButton>
				</Form>
			</div>
			<h2 className="mb-2 text-xl font-semibold">{t('gateways.history')}</h2>
			<CredentialHistory
				rows={history}
				labels={{
					provider: t('gateways.provider'),
					status: t('gateways.status'),
					hint: t('gateways.hint'),
					keyId: t('gateways.keyId'),
					createdBy: t('gateways.createdBy'),
					createdAt: t('gateways.createdAt'),
				}}
				statusName={(status) => t(`gateways.statuses.${status as 'added' | 'active' | 'retired'}`)}
			/>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
