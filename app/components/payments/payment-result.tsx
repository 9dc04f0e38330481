import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

type View = {
	payment: { id: string; state: string; amount: string; claims: { id: string; label: string; variableSymbol: string }[] } | null
}

/** The page a citizen lands on back from a gateway: paid, pending ("we'll confirm") or cancelled, with links on. */
export function PaymentResult({ payment }: View) {
	const { t } = useTranslation('card-payments')
	const closed = payment && ['cancelled', 'expired', 'failed'].includes(payment.state)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('result.title')}</h1>
			{payment ? (
				<>
					<p role="status" className="mb-2 text-lg font-semibold" data-state={payment.state}>
						{t(`result.${payment.state}`)}
					</p>
					<p className="mb-4">{t('result.amount', { amount: payment.amount })}</p>
					{payment.state === 'paid' || payment.state === 'partially_refunded' ? (
						<p className="mb-4">
							<a href={`/platby/potvrzeni/${payment.id}`} download>
								{t('result.receipt')}
							</a>
						</p>
					) : null}
					<h2 className="mb-2 text-xl font-semibold">{t('result.claims')}</h2>
					<ul className="mb-4 list-disc pl-6">
						{payment.claims.map((claim) => (
							<li key={claim.id}>
								<Link to={`/platby/${claim.id}`}>
									{claim.label} (VS {claim.variableSymbol})
								</Link>
							</li>
						))}
					</ul>
					{closed ? (
						<p className="mb-4">
							<Link to={`/platby/kartou?${payment.claims.map((claim) => `predpis=${claim.id}`).join('&')}`}>{t('result.tryAgain')}</Link>
						</p>
					) : null}
				</>
			) : (
				<p role="alert" className="mb-4">
					{t('result.notFound')}
				</p>
			)}
			<Link to="/platby">{t('result.toPayments')}</Link>
		</main>
	)
}
