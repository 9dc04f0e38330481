import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getCitizenTexts } from '~/modules/citizen/citizen-texts.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { PhoneFormSchema } from '~/modules/sms/phone-form-schema'
import { confirmPhone, loadPhoneState, removeSmsPhone, startPhoneConfirmation } from '~/modules/sms/phone-confirmation.server'
import { formatPhone, maskPhone } from '~/modules/sms/phone-number.server'
import { useRootData, type loader as rootLoader } from '~/root'

export const handle = { i18n: ['citizen'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const [state, { texts }] = await Promise.all([loadPhoneState({ db: user.db, personId: user.actor.personId }), getCitizenTexts(request, context)])
	const status = new URL(request.url).searchParams.get('stav')
	return {
		title: texts.phone.title,
		isAvailable: state.isAvailable,
		smsPhone: state.smsPhone ? formatPhone(state.smsPhone) : null,
		pending: state.pending && state.pending.expiresAt > new Date() ? { phone: maskPhone(state.pending.phone) } : null,
		status: status === 'odeslano' || status === 'potvrzeno' || status === 'odebrano' ? status : null,
	}
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const submission = parseWithZod(await request.formData(), { schema: PhoneFormSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const personId = user.actor.personId
	const value = submission.value
	if (value.intent === 'remove') {
		await removeSmsPhone({ db: user.db, personId })
		return redirect('/profil/telefon?stav=odebrano', 303)
	}
	if (value.intent === 'send-code') {
		const { locale, profile } = await getCitizenTexts(request, context)
		const result = await startPhoneConfirmation({
			db: user.db,
			tenantSlug: user.tenant.slug,
			townName: profile.name[locale] ?? profile.name.cs,
			personId,
			phone: value.phone,
			locale,
		})
		if (!result.ok) return data({ result: submission.reply({ fieldErrors: { phone: [`phone.errors.${result.reason}`] } }) }, { status: 400 })
		return redirect('/profil/telefon?stav=odeslano', 303)
	}
	const result = await confirmPhone({ db: user.db, personId, code: value.code })
	if (!result.ok) return data({ result: submission.reply({ fieldErrors: { code: [`phone.errors.${result.reason}`] } }) }, { status: 400 })
	return redirect('/profil/telefon?stav=potvrzeno', 303)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

const inputClass = 'mt-1 w-full max-w-xs rounded-town border border-muted px-3 py-2'
const buttonClass = 'rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast'

export default function PhonePage() {
	const { t } = useTranslation('citizen')
	const { isAvailable, smsPhone, pending, status } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()?.result
	useRootData()
	const [sendForm, sendFields] = useForm({
		id: 'send-code',
		lastResult: lastResult?.initialValue?.intent === 'send-code' ? lastResult : undefined,
		shouldValidate: 'onSubmit',
	})
	const [confirmForm, confirmFields] = useForm({
		id: 'confirm',
		lastResult: lastResult?.initialValue?.intent === 'confirm' ? lastResult : undefined,
		shouldValidate: 'onSubmit',
	})
	const errorOf = (errors: string[] | undefined, id: string) =>
		errors?.length ? (
			<p id={id} className="mt-1 font-semibold text-red-800">
				{t(errors[0]!)}
			</p>
		) : null
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/profil">{t('phone.back')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{t('phone.title')}</h1>
			<p className="mb-6">{t('phone.intro')}</p>
			{status ? (
				<p role="status" className="mb-6 rounded-town border-2 border-primary px-4 py-2">
					{t(`phone.status.${status}`)}
				</p>
			) : null}
			<p className="mb-6">{smsPhone ? t('phone.current', { phone: smsPhone }) : t('phone.none')}</p>
			{!isAvailable ? (
				<p className="mb-6">{t('phone.unavailable')}</p>
			) : (
				<>
					<section aria-labelledby="phone-send" className="mb-8">
						<h2 id="phone-send" className="mb-2 text-2xl font-semibold">
							{smsPhone ? t('phone.changeHeading') : t('phone.sendHeading')}
						</h2>
						<Form method="post" {...getFormProps(sendForm)} className="grid gap-3">
							<input type="hidden" name="intent" value="send-code" />
							<div>
								<label htmlFor={sendFields.phone.id} className="block font-semibold">
									{t('phone.phoneLabel')}
								</label>
								<p id={`${sendFields.phone.id}-help`} className="text-sm text-muted">
									{t('phone.phoneHelp')}
								</p>
								<input
									{...getInputProps(sendFields.phone, { type: 'tel' })}
									key={sendFields.phone.key}
									autoComplete="tel"
									aria-describedby={[`${sendFields.phone.id}-help`, sendFields.phone.errors ? sendFields.phone.errorId : ''].filter(Boolean).join(' ')}
									className={inputClass}
								/>
								{errorOf(sendFields.phone.errors, sendFields.phone.errorId)}
							</div>
							<p>
								<button type="submit" className={buttonClass}>
									{t('phone.send')}
								</button>
							</p>
						</Form>
					</section>
					{pending ? (
						<section aria-labelledby="phone-confirm" className="mb-8">
							<h2 id="phone-confirm" className="mb-2 text-2xl font-semibold">
								{t('phone.confirmHeading')}
							</h2>
							<p className="mb-3">{t('phone.confirmIntro', { phone: pending.phone })}</p>
							<Form method="post" {...getFormProps(confirmForm)} className="grid gap-3">
								<input type="hidden" name="intent" value="confirm" />
								<div>
									<label htmlFor={confirmFields.code.id} className="block font-semibold">
										{t('phone.codeLabel')}
									</label>
									<input
										{...getInputProps(confirmFields.code, { type: 'text' })}
										key={confirmFields.code.key}
										inputMode="numeric"
										autoComplete="one-time-code"
										aria-describedby={confirmFields.code.errors ? confirmFields.code.errorId : undefined}
										className={inputClass}
									/>
									{errorOf(confirmFields.code.errors, confirmFields.code.errorId)}
								</div>
								<p>
									<button type="submit" className={buttonClass}>
										{t('phone.confirm')}
									</button>
								</p>
							</Form>
						</section>
					) : null}
				</>
			)}
			{smsPhone ? (
				<Form method="post" className="mb-8">
					<input type="hidden" name="intent" value="remove" />
					<button type="submit" className="rounded-town border border-primary px-4 py-2 font-semibold">
						{t('phone.remove')}
					</button>
				</Form>
			) : null}
			<p>{t('phone.channelNote')}</p>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
