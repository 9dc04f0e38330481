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
import { listSmsCredentials, retireSmsCredential, setSmsCredential } from '~/modules/sms/sms-credentials.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// Town admins set the town's SMS gateway account (issue 15), as they set the card gateways: the values
// go in, are encrypted and never come back; the page shows a masked hint and the history.
const SetSchema = z.object({
	login: z.string().trim().min(1).max(100),
	password: z.string().min(1).max(200),
	apiUrl: z
		.string()
		.trim()
		.optional()
		.transform((value) => value || undefined),
})
type FieldName = 'login' | 'password' | 'apiUrl'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'update', 'TownSettings', { request, context })
	const rows = await listSmsCredentials(user.db)
	return {
		title: `${resources[page.locale].messages.smsGateway.title} – ${page.townName}`,
		active: rows.find((row) => row.status === 'active')?.maskedHint ?? null,
		history: rows.map((row) => ({
			id: row.id,
			provider: row.provider === 'smsbrana' ? 'SMSbrána.cz' : row.provider,
			status: row.status as 'added' | 'active' | 'retired',
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
	if (form.intent === 'retire') {
		await retireSmsCredential(user.db)
		await recordAudit(user.db, { action: 'sms.retired', staffId: user.me.id, subject: 'Setting:sms', ...requestMeta(context) })
		return redirect('/urad/sms?vypnuto=1')
	}
	const refuse = (fields: FieldName[]) => data({ fields, login: typeof form.login === 'string' ? form.login : '' }, { status: 400 })
	const parsed = SetSchema.safeParse(form)
	if (!parsed.success) return refuse([...new Set(parsed.error.issues.map((issue) => issue.path[0] as FieldName))])
	try {
		const saved = await setSmsCredential({ db: user.db, values: parsed.data, actor: user.me.email })
		// Never the values: only the masked hint.
		await recordAudit(user.db, {
			action: 'sms.credential_set',
			staffId: user.me.id,
			subject: 'Setting:sms',
			details: { hint: saved.maskedHint },
			...requestMeta(context),
		})
	} catch (error) {
		// Not SMSbrána's own API address (decision 014): said at the field, nothing stored.
		if (isAppError(error, 'gateway_url_refused')) return refuse(['apiUrl'])
		throw error
	}
	return redirect('/urad/sms?ulozeno=1')
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'messages'] }

function Field({
	name,
	type,
	autoComplete,
	defaultValue,
	errors,
}: {
	name: FieldName
	type: string
	autoComplete: string
	defaultValue?: string
	errors: FieldName[]
}) {
	const { t } = useTranslation('messages')
	const invalid = errors.includes(name)
	const hint = name === 'apiUrl' ? t('smsGateway.apiUrlHint') : null
	const describedBy = [hint ? `sms-${name}-hint` : null, invalid ? `sms-${name}-error` : null].filter(Boolean).join(' ') || undefined
	return (
		<div className="mb-3">
			<label htmlFor={`sms-${name}`} className="block font-medium">
				{t(`smsGateway.${name}`)}
			</label>
			<input
				id={`sms-${name}`}
				name={name}
				type={type}
				autoComplete={autoComplete}
				defaultValue={defaultValue}
				aria-invalid={invalid ? true : undefined}
				aria-describedby={describedBy}
				className="w-full max-w-md rounded-town border px-2 py-2"
			/>
			{hint ? (
				<p id={`sms-${name}-hint`} className="mt-1 text-sm text-muted">
					{hint}
				</p>
			) : null}
			{invalid ? (
				<p id={`sms-${name}-error`} className="mt-1 font-semibold text-red-800">
					{t(`smsGateway.errors.${name}`)}
				</p>
			) : null}
		</div>
	)
}

export default function SmsGatewayPage() {
	const { active, history } = useLoaderData<typeof loader>()
	const refused = useActionData<typeof action>()
	const [search] = useSearchParams()
	const { t } = useTranslation('messages')
	const errors = refused?.fields ?? []
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('smsGateway.title')}</h1>
			<p className="mb-4">{t('smsGateway.intro')}</p>
			{search.has('ulozeno') ? <Notice>{t('smsGateway.saved')}</Notice> : null}
			{search.has('vypnuto') ? <Notice>{t('smsGateway.retired')}</Notice> : null}
			<h2 className="mb-2 text-xl font-semibold">{t('smsGateway.current')}</h2>
			{active ? (
				<Form method="post" className="mb-6 flex flex-wrap items-center gap-3">
					<p>{t('smsGateway.active', { hint: active })}</p>
					<SubmitButton name="intent" value="retire" variant="secondary">
						{t('smsGateway.retire')}
					</SubmitButton>
				</Form>
			) : (
				<p className="mb-6">{t('smsGateway.none')}</p>
			)}
			<Form method="post" aria-labelledby="sms-set" className="mb-8">
				<h2 id="sms-set" className="mb-2 text-xl font-semibold">
					{t('smsGateway.set')}
				</h2>
				<p className="mb-3">{t('smsGateway.setHint')}</p>
				{errors.length ? (
					<p role="alert" className="mb-3 font-semibold text-red-800">
						{t('smsGateway.errors.summary')}
					</p>
				) : null}
				<Field name="login" type="text" autoComplete="off" defaultValue={refused?.login} errors={errors} />
				<Field name="password" type="password" autoComplete="new-password" errors={errors} />
				<Field name="apiUrl" type="url" autoComplete="off" errors={errors} />
				<SubmitButton name="intent" value="set">
					{t('smsGateway.save')}
				</SubmitButton>
			</Form>
			<h2 className="mb-2 text-xl font-semibold">{t('smsGateway.history')}</h2>
			<CredentialHistory
				rows={history}
				labels={{
					provider: t('smsGateway.provider'),
					status: t('smsGateway.status'),
					hint: t('smsGateway.hint'),
					keyId: t('smsGateway.keyId'),
					createdBy: t('smsGateway.createdBy'),
					createdAt: t('smsGateway.createdAt'),
				}}
				statusName={(status) => t(`smsGateway.statuses.${status as 'added' | 'active' | 'retired'}`)}
			/>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
