import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SubmitButton, TextField } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { useZodForm } from '~/components/office/use-zod-form'
import { isAppError } from '~/modules/errors/app-error'
import { confirmOfficeTotpEnrolment, startOfficeTotpEnrolment } from '~/modules/staff/enrol-office-totp.server'
import { officePage } from '~/modules/staff/office-request.server'
import { getStaffSession, OFFICE_LOGIN, OFFICE_VERIFY } from '~/modules/staff/require-office-staff.server'
import { CodeSchema } from '~/modules/staff/staff-forms'

// Setting up the authenticator app: required for admins before anything else, optional for others.
async function requireEnrollingStaff(request: Request, context: LoaderFunctionArgs['context']) {
	const staff = await getStaffSession(request, context)
	if (!staff) throw redirect(OFFICE_LOGIN)
	// A session waiting for its code must enter it; it cannot set up a new app instead.
	if (!staff.isComplete && staff.me.totpEnabledAt) throw redirect(OFFICE_VERIFY)
	return staff
}

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'enrol.title')
	const staff = await requireEnrollingStaff(request, context)
	if (staff.me.totpEnabledAt) return { title: page.title, isEnabled: true as const }
	const { secret, uri, qrDataUrl } = await startOfficeTotpEnrolment(staff, page.townName)
	return { title: page.title, isEnabled: false as const, isRequired: staff.me.roles.includes('admin'), secret, uri, qrDataUrl }
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const staff = await requireEnrollingStaff(request, context)
	const submission = parseWithZod(await request.formData(), { schema: CodeSchema })
	if (submission.status !== 'success') return data({ result: submission.reply({ resetForm: true }), recoveryCodes: null }, { status: 400 })
	try {
		const { recoveryCodes, cookie } = await confirmOfficeTotpEnrolment(staff, request, context, submission.value.code)
		return data({ result: submission.reply(), recoveryCodes }, cookie ? { headers: { 'Set-Cookie': cookie } } : undefined)
	} catch (error) {
		if (!isAppError(error, 'totp_invalid')) throw error
		return data({ result: submission.reply({ fieldErrors: { code: ['enrol.invalid'] }, resetForm: true }), recoveryCodes: null }, { status: 400 })
	}
}

export const handle = { i18n: ['office'] }

export default function OfficeEnrol() {
	const loaderData = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(CodeSchema, { id: 'office-enrol', lastResult: actionData?.result })
	if (actionData?.recoveryCodes) return <RecoveryCodes codes={actionData.recoveryCodes} />
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('enrol.title')}</h1>
			{loaderData.isEnabled ? (
				<>
					<p className="mb-6">{t('enrol.alreadyEnabled')}</p>
					<Link to="/urad">{t('enrol.continue')}</Link>
				</>
			) : (
				<>
					<p className="mb-6">{t(loaderData.isRequired ? 'enrol.introRequired' : 'enrol.intro')}</p>
					<ol className="mb-6 list-decimal space-y-4 pl-6">
						<li>
							<p className="mb-2">{t('enrol.stepScan')}</p>
							<img src={loaderData.qrDataUrl} alt={t('enrol.qrAlt')} width={200} height={200} className="bg-white p-2" />
						</li>
						<li>
							<p className="mb-1">{t('enrol.stepManual')}</p>
							<code className="block break-all rounded-town bg-surface p-2 text-lg tracking-wider">{loaderData.secret}</code>
						</li>
						<li>{t('enrol.stepConfirm')}</li>
					</ol>
					<Form method="post" {...getFormProps(form)}>
						<FormErrors id={form.errorId} errors={form.errors} />
						<TextField field={fields.code} label={t('fields.totpCode')} autoComplete="one-time-code" inputMode="numeric" />
						<SubmitButton>{t('enrol.submit')}</SubmitButton>
					</Form>
				</>
			)}
		</main>
	)
}

function RecoveryCodes({ codes }: { codes: string[] }) {
	const { t } = useTranslation('office')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('enrol.doneTitle')}</h1>
			<p className="mb-4">{t('enrol.recoveryIntro')}</p>
			<ul aria-label={t('enrol.recoveryLabel')} className="mb-6 grid max-w-md grid-cols-2 gap-2 font-mono text-lg">
				{codes.map((code) => (
					<li key={code} className="rounded-town bg-surface p-2">
						{code}
					</li>
				))}
			</ul>
			<a href="/urad">{t('enrol.continue')}</a>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
