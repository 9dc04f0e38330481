import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { NotificationPreferences } from '~/components/notification-preferences'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getCitizenTexts } from '~/modules/citizen/citizen-texts.server'
import { contactPreferencesSchema } from '~/modules/citizen/contact-preferences-schema'
import { formatAddress, getCitizenProfile } from '~/modules/citizen/get-citizen-profile.server'
import { getPersonEmails } from '~/modules/citizen/get-person-contact.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { updateContactPreferences } from '~/modules/citizen/update-contact-preferences.server'
import { formatDate } from '~/modules/i18n/format'
import { readPreferences } from '~/modules/notifications/preferences.server'
import { readSubscribedTopics } from '~/modules/announcements/subscriptions.server'
import { listTopics, topicName } from '~/modules/messages/topics.server'
import { isLocale, type Locale } from '~/modules/i18n/locales'
import { useRootData, type loader as rootLoader } from '~/root'

export const handle = { i18n: ['citizen', 'messages'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const [profile, { texts, locale }, notificationGrid, townTopics, subscribed] = await Promise.all([
		getCitizenProfile({ db: user.db, ability: user.ability, personId: user.actor.personId }),
		getCitizenTexts(request, context),
		readPreferences(user.db, user.actor.personId),
		listTopics(user.db),
		readSubscribedTopics(user.db, user.actor.personId),
	])
	const topics = townTopics.map((topic) => ({ code: topic.code, name: topicName(townTopics, topic.code, locale), checked: subscribed.includes(topic.code) }))
	if (!profile) throw data(null, { status: 404 })
	const { address, ...rest } = profile
	return {
		profile: { ...rest, address: formatAddress(address) },
		isSaved: new URL(request.url).searchParams.has('ulozeno'),
		notificationGrid,
		topics,
		arePreferencesSaved: new URL(request.url).searchParams.has('oznameni'),
		title: texts.profile.title,
	}
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const person = await getPersonEmails({ db: user.db, personId: user.actor.personId })
	const submission = parseWithZod(await request.formData(), { schema: contactPreferencesSchema({ hasNiaEmail: Boolean(person.email) }) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	await updateContactPreferences({
		db: user.db,
		ability: user.ability,
		personId: user.actor.personId,
		preferences: submission.value,
		requestId: context.portal.requestId,
	})
	return redirect('/profil?ulozeno=1', 303)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

function Field({ label, children }: { label: string; children: React.ReactNode }) {
	return (
		<>
			<dt className="font-semibold">{label}</dt>
			<dd className="mb-3">{children}</dd>
		</>
	)
}

export default function Profile() {
	const { t } = useTranslation('citizen')
	const { profile, isSaved, notificationGrid, topics, arePreferencesSaved } = useLoaderData<typeof loader>()
	const root = useRootData()
	const locale = (root?.locale ?? 'cs') as Locale
	const none = <span className="text-muted">{t('profile.notProvided')}</span>
	const lastResult = useActionData<typeof action>()?.result
	const schema = contactPreferencesSchema({ hasNiaEmail: Boolean(profile.email) })
	const [form, fields] = useForm({
		lastResult,
		constraint: getZodConstraint(schema),
		defaultValue: {
			notificationEmail: profile.notificationEmail ?? '',
			notifyByEmail: profile.notifyByEmail ? 'on' : '',
			preferredLocale: isLocale(profile.preferredLocale) ? profile.preferredLocale : locale,
		},
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
	})
	const errorOf = (errors: string[] | undefined, id: string) =>
		errors?.length ? (
			<p id={id} className="mt-1 font-semibold text-red-800">
				{t(errors[0]!)}
			</p>
		) : null
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('profile.title')}</h1>
			<p className="mb-6">{t('profile.intro')}</p>
			{isSaved ? (
				<p role="status" className="mb-6 rounded-town border border-primary px-4 py-2">
					{t('profile.saved')}
				</p>
			) : null}
			<section aria-labelledby="from-nia" className="mb-8">
				<h2 id="from-nia" className="mb-2 text-2xl font-semibold">
					{t('profile.fromNia')}
				</h2>
				<p className="mb-4 text-muted">{t('profile.fromNiaNote')}</p>
				<dl>
					<Field label={t('profile.name')}>{`${profile.givenName} ${profile.familyName}`}</Field>
					<Field label={t('profile.dateOfBirth')}>{profile.dateOfBirth ? formatDate(profile.dateOfBirth, locale) : none}</Field>
					<Field label={t('profile.address')}>{profile.address ?? none}</Field>
					<Field label={t('profile.residency')}>{profile.isResident ? t('profile.resident') : t('profile.notResident')}</Field>
					<Field label={t('profile.niaEmail')}>{profile.email ?? none}</Field>
					<Field label={t('profile.niaPhone')}>{profile.phone ?? none}</Field>
					<Field label={t('profile.loa')}>{t(`loginFailure.loaLevels.${profile.levelOfAssurance ?? 'unknown'}`)}</Field>
					<Field label={t('profile.lastLogin')}>{profile.lastLoginAt ? formatDate(profile.lastLoginAt, locale) : none}</Field>
				</dl>
			</section>
			<section aria-labelledby="entered" className="mb-8">
				<h2 id="entered" className="mb-2 text-2xl font-semibold">
					{t('profile.entered')}
				</h2>
				<p className="mb-4 text-muted">{t('profile.enteredNote')}</p>
				<Form method="post" {...getFormProps(form)} className="grid gap-4">
					{form.errors?.length || Object.values(form.allErrors).length ? (
						<p role="alert" className="font-semibold text-red-800">
							{t('profile.errorSummary')}
						</p>
					) : null}
					<div>
						<label htmlFor={fields.notificationEmail.id} className="block font-semibold">
							{t('profile.notificationEmail')}
						</label>
						<p id={`${fields.notificationEmail.id}-help`} className="text-sm text-muted">
							{t('profile.notificationEmailHelp')}
						</p>
						<input
							{...getInputProps(fields.notificationEmail, { type: 'email' })}
							key={fields.notificationEmail.key}
							autoComplete="email"
							aria-describedby={[`${fields.notificationEmail.id}-help`, fields.notificationEmail.errors ? fields.notificationEmail.errorId : '']
								.filter(Boolean)
								.join(' ')}
							className="mt-1 w-full max-w-md rounded-town border border-muted px-3 py-2"
						/>
						{errorOf(fields.notificationEmail.errors, fields.notificationEmail.errorId)}
					</div>
					<div className="flex items-start gap-2">
						<input {...getInputProps(fields.notifyByEmail, { type: 'checkbox' })} key={fields.notifyByEmail.key} className="mt-1 h-5 w-5" />
						<label htmlFor={fields.notifyByEmail.id}>{t('profile.notifyByEmail')}</label>
					</div>
					<div>
						<label htmlFor={fields.preferredLocale.id} className="block font-semibold">
							{t('profile.preferredLocale')}
						</label>
						<select {...getSelectProps(fields.preferredLocale)} key={fields.preferredLocale.key} className="mt-1 rounded-town border border-muted px-3 py-2">
							{(root?.town?.enabledLocales ?? ['cs']).map((option) => (
								<option key={option} value={option} lang={option}>
									{t(`common:language.${option}`)}
								</option>
							))}
						</select>
						{errorOf(fields.preferredLocale.errors, fields.preferredLocale.errorId)}
					</div>
					<p>
						<button type="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
							{t('profile.save')}
						</button>
					</p>
				</Form>
				<p className="mt-4">
					<Link to="/profil/telefon">{t('profile.smsPhoneLink')}</Link>
				</p>
			</section>
			<NotificationPreferences grid={notificationGrid} topics={topics} isSaved={arePreferencesSaved} />
			<section aria-labelledby="your-data" className="mb-8">
				<h2 id="your-data" className="mb-2 text-2xl font-semibold">
					{t('profile.yourData')}
				</h2>
				<p className="mb-3">{t('profile.yourDataText')}</p>
				<p className="flex flex-wrap gap-4">
					<a href="/profil/export.json" download>
						{t('profile.downloadJson')}
					</a>
					<a href="/profil/export.pdf" download>
						{t('profile.downloadPdf')}
					</a>
				</p>
			</section>
			<section aria-labelledby="close-account">
				<h2 id="close-account" className="mb-2 text-2xl font-semibold">
					{t('profile.closeHeading')}
				</h2>
				<p className="mb-3">{t('profile.closeText')}</p>
				<Link to="/profil/zruseni">{t('profile.closeLink')}</Link>
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
