import { type SimPayment } from './index'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

// A plain, accessible test gateway page: the tester picks the outcome.
export function paymentPage(p: SimPayment): string {
	const amount = (p.amount / 100).toFixed(2)
	return `<!doctype html><html lang="cs"><head><meta charset="utf-8"><title>GoPay simulátor / simulator – ${esc(p.order_number)}</title></head>
<body><main><h1>Platební brána GoPay (simulátor) / GoPay gateway (simulator)</h1>
<p>Objednávka / Order: ${esc(p.order_number)} – ${esc(p.order_description)}</p>
<p>Částka / Amount: ${amount} ${esc(p.currency)}</p>
<form method="post"><fieldset><legend>Výsledek platby / Payment outcome</legend>
<button type="submit" name="outcome" value="paid">Zaplatit / Pay</button>
<button type="submit" name="outcome" value="cancel">Zrušit / Cancel</button>
<button type="submit" name="outcome" value="timeout">Vypršení / Timeout</button>
</fieldset></form></main></body></html>`
}
