import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
	AssignStep,
	ContractStep,
	DecideStep,
	DeclareStep,
	FormalStep,
	PaidStep,
	ScoreStep,
	SettlementStep,
	SignedStep,
} from '~/components/grants/office-steps'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { storedDate } from '~/modules/dates/prague-date'
import { GrantInputError } from '~/modules/grants/grant-error'
import { findOfficeApplication, loadOfficeApplication } from '~/modules/grants/load-office-application.server'
import { requireGrantAction, requireGrantsStaff } from '~/modules/grants/office-grants-guard.server'
import { OFFICE_STEP_ACTIONS } from '~/modules/grants/office-step-action.server'
import { isOfficeStep, openOfficeSteps, STEP_PERMISSION } from '~/modules/grants/office-steps'
import { readCostCategories, readCriteria, readRequiredAttachments } from '~/modules/grants/programme-rules'
import { readSettlementCosts } from '~/modules/grants/settlement-costs'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { requestMeta } from '~/modules/staff/office-request.server'

export const handle = { i18n: ['office', 'grants'] }

async function load(request: Request, context: Parameters<typeof requireGrantsStaff>[1], id: string) {
	const guard = await requireGrantsStaff(request, context)
	const application = await findOfficeApplication({ db: guard.user.db, ability: guard.user.ability, id })
	if (!application) throw data(null, { status: 404 })
	return { ...guard, application }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { page, user, application } = await load(request, context, params.id ?? '')
	const {
		assignment,
		isEvaluatorOnly,
		mayShowContent,
		application: a,
		evaluators,
	} = await loadOfficeApplication({ db: user.db, ability: user.ability, applicationId: application.id, staffUserId: user.actor.staffUserId })
	const money = (v: number | null | undefined) => (v ? formatMoney(v, page.locale) : null)
	const day = (d: Date | null | undefined) => (d ? storedDate(d) : null)
	const isAdmin = user.ability.can('manage', 'GrantApplication')
	const categories = new Map(readCostCategories(a.call.programmeVersion.costCategories).map((c) => [c.code, c.name]))
	const categoryName = (code: string) => categories.get(code) ?? code
	const requiredNames = new Map(readRequiredAttachments(a.call.programmeVersion.requiredAttachments).map((r) => [r.code, r.name]))
	const steps = openOfficeSteps({ state: a.state, canWork: !isEvaluatorOnly, isAdmin, assignment, hasContract: Boolean(a.contract) })
	return {
		title: `${a.number} – ${page.title}`,
		steps,
		assignment,
		mayShowContent,
		evaluators,
		criteria: readCriteria(a.call.programmeVersion.criteria),
		a: mayShowContent
			? {
					...a,
					requested: money(a.requestedAmount),
					awarded: money(a.awardedAmount),
					budgetLines: a.budgetLines.map((l) => ({ ...l, ownShare: money(l.ownShare) ?? '0', requested: money(l.requested) ?? '0' })),
					contract: a.contract
						? {
								number: a.contract.number,
								signedOn: day(a.contract.signedOn),
								boardDeadline: day(a.contract.boardDeadline),
								registrSmluvDeadline: day(a.contract.registrSmluvDeadline),
								deMinimisDeadline: day(a.contract.deMinimisDeadline),
							}
						: null,
					settlement: a.settlements[0]
						? {
								...a.settlements[0],
								spent: money(a.settlements[0].spentGrant),
								toReturn: money(a.settlements[0].returnAmount),
								costs: readSettlementCosts(a.settlements[0].costs).map((c) => ({ name: categoryName(c.category), amount: money(c.amount) ?? '0' })),
								returnSettledOn: a.settlements[0].returnSettledAt ? formatDate(a.settlements[0].returnSettledAt, page.locale) : null,
							}
						: null,
					attachments: a.attachments.map((x) => ({ ...x, kindName: x.kind ? (requiredNames.get(x.kind) ?? null) : null })),
					canWork: !isEvaluatorOnly,
					programme: a.call.programmeVersion.name,
					assignments: a.assignments.map((x) => ({ name: x.staffUser.name, declaration: x.conflictDeclaration, scored: Boolean(x.scoredAt) })),
				}
			: { number: a.number, state: a.state, programme: a.call.programmeVersion.name },
	}
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, application, page } = await load(request, context, params.id ?? '')
	const body = await request.formData()
	const step = body.get('intent')
	if (!isOfficeStep(step)) throw data(null, { status: 400 })
	// The evaluator's own steps (declare, score) are checked against their assignment by the domain.
	const permission = STEP_PERMISSION[step]
	if (permission !== 'read') await requireGrantAction(user, permission, application, { request, context })
	try {
		await OFFICE_STEP_ACTIONS[step]({
			db: user.db,
			staffId: user.actor.staffUserId,
			isAdmin: user.ability.can('manage', 'GrantApplication'),
			applicationId: application.id,
			town: { slug: user.tenant.slug, name: page.townName, origin: page.origin, staffName: user.me.name },
			body,
			meta: requestMeta(context),
		})
	} catch (error) {
		if (error instanceof GrantInputError) return data({ step, error: { key: error.key, field: error.field, values: error.values } }, { status: 400 })
		throw error
	}
	return redirect(`/urad/dotace/zadost/${application.id}`)
}

export const meta = titleMeta

export default function OfficeGrantApplication() {
	const { a, assignment, steps, evaluators, criteria } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { t } = useTranslation('grants')
	const full = 'applicantName' in a ? a : null
	const has = (step: (typeof steps)[number]) => steps.includes(step)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 space-y-6 px-4 py-10">
			<p>
				<Link to="/urad/dotace">{t('office.title')}</Link>
			</p>
			<h1 className="text-3xl font-bold">
				{t('application.title')} {a.number}
			</h1>
			<p>
				{a.programme} – <strong>{t(`states.${a.state}`)}</strong>
			</p>
			{has('declare') ? <DeclareStep result={result} /> : null}
			{assignment?.conflictDeclaration === 'conflict' ? <p>{t('errors.conflictOfInterest')}</p> : null}
			{full ? <ApplicationContent a={full} /> : null}
			{full ? <OfficeAttachments a={full} /> : null}
			{has('score') ? <ScoreStep result={result} criteria={criteria} /> : null}
			{has('formal') ? <FormalStep result={result} /> : null}
			{has('assign') ? <AssignStep result={result} evaluators={evaluators} /> : null}
			{has('decide') ? <DecideStep result={result} /> : null}
			{full && has('contract') ? <ContractStep result={result} applicationId={full.id} contractNumber={full.contract?.number ?? null} /> : null}
			{has('signed') ? <SignedStep result={result} /> : null}
			{full?.contract?.signedOn ? <ContractDuties id={full.id} contract={full.contract} /> : null}
			{has('paid') ? <PaidStep result={result} /> : null}
			{full?.settlement ? (
				<section>
					<h2 className="text-xl font-bold">{t('settlement.title')}</h2>
					<p>
						{t('settlement.spentGrant')}: {full.settlement.spent ?? '0'} · {t('office.toReturn')}: {full.settlement.toReturn ?? '0'}
						{full.settlement.returnVariableSymbol ? ` · VS ${full.settlement.returnVariableSymbol}` : ''}
					</p>
					{full.settlement.returnSettledOn ? <p className="font-semibold">{t('return.settled', { date: full.settlement.returnSettledOn })}</p> : null}
					{full.settlement.costs.length ? (
						<ul className="my-2">
							{full.settlement.costs.map((c) => (
								<li key={c.name}>
									{c.name}: {c.amount}
								</li>
							))}
						</ul>
					) : null}
					<p className="whitespace-pre-line">{full.settlement.narrative}</p>
				</section>
			) : null}
			{has('settlement') ? <SettlementStep result={result} /> : null}
		</main>
	)
}

type Full = Extract<ReturnType<typeof useLoaderData<typeof loader>>['a'], { applicantName: string }>

function ApplicationContent({ a }: { a: Full }) {
	const { t } = useTranslation('grants')
	return (
		<section>
			<h2 className="text-xl font-bold">{t('application.applicant')}</h2>
			<p>
				{a.applicantName}
				{a.applicantIco ? `, ${t('awarded.ico')} ${a.applicantIco}` : ''}
				{a.legalForm ? `, ${a.legalForm}` : ''}
				{a.address ? `, ${a.address}` : ''}
			</p>
			<h3 className="mt-2 font-semibold">{t('application.purpose')}</h3>
			<p className="whitespace-pre-line">{a.purpose}</p>
			<h3 className="mt-2 font-semibold">{t('application.reasoning')}</h3>
			<p className="whitespace-pre-line">{a.reasoning}</p>
			{a.representatives ? (
				<p className="mt-2">
					{t('application.representatives')}: {a.representatives}
				</p>
			) : null}
			<h3 className="mt-2 font-semibold">{t('application.budget')}</h3>
			<ul>
				{a.budgetLines.map((l, i) => (
					<li key={i}>
						{l.category} {l.description}: {t('application.ownShare')} {l.ownShare}, {t('application.requested')} {l.requested}
					</li>
				))}
			</ul>
			<p className="mt-2 font-semibold">
				{t('application.requested')}: {a.requested}
				{a.awarded ? ` · ${t('office.awardedAmount')}: ${a.awarded}` : ''}
			</p>
			{a.rejectionReason ? <p>{t('application.rejected', { reason: a.rejectionReason })}</p> : null}
			{a.assignments.length ? (
				<p className="mt-2">
					{t('office.evaluators')}:{' '}
					{a.assignments
						.map((x) => `${x.name} (${x.scored ? t('office.scored') : x.declaration === 'conflict' ? t('office.conflict') : t('office.pending')})`)
						.join(', ')}
				</p>
			) : null}
		</section>
	)
}

function OfficeAttachments({ a }: { a: Full }) {
	const { t } = useTranslation('grants')
	return (
		<section>
			<h2 className="text-xl font-bold">{t('attachments.title')}</h2>
			{a.canWork && a.state !== 'draft' ? (
				<p className="mb-2">
					<a href={`/urad/dotace/zadost/${a.id}/potvrzeni.pdf`}>{t('pdf.link')}</a>
				</p>
			) : null}
			{a.attachments.length === 0 ? <p>{t('attachments.none')}</p> : null}
			<ul className="space-y-1">
				{a.attachments.map((x) => (
					<li key={x.id} className="break-words">
						{x.purpose === 'settlement' ? t('attachments.receipts') : (x.kindName ?? t('attachments.other'))}:{' '}
						<a href={`/urad/dotace/priloha/${x.id}`}>{x.fileName}</a> ({Math.ceil(x.size / 1024)} kB)
					</li>
				))}
			</ul>
		</section>
	)
}

function ContractDuties({ id, contract }: { id: string; contract: NonNullable<Full['contract']> }) {
	const { t } = useTranslation('grants')
	return (
		<section>
			<h2 className="text-xl font-bold">{t('office.contractTitle')}</h2>
			<p>
				<a href={`/urad/dotace/zadost/${id}/smlouva.pdf`}>{t('office.contractPdf', { number: contract.number })}</a> – {t('office.signedOn')}{' '}
				{contract.signedOn}
			</p>
			<ul>
				{contract.boardDeadline ? (
					<li>
						{t('office.duty.board')}: {contract.boardDeadline}
					</li>
				) : null}
				{contract.registrSmluvDeadline ? (
					<li>
						{t('office.duty.registr_smluv')}: {contract.registrSmluvDeadline}
					</li>
				) : null}
				{contract.deMinimisDeadline ? (
					<li>
						{t('office.duty.de_minimis')}: {contract.deMinimisDeadline}
					</li>
				) : null}
			</ul>
		</section>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
