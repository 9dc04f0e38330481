import type { ReceivedSms } from './index'

const PAGE_SIZE = 100

function escape(text: string) {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** The simulator's page: the latest texts, newest first, optionally for one number (?cislo=420777123456). */
export function renderTextsPage(texts: readonly ReceivedSms[], number: string) {
	const wanted = number.replace(/^\+/, '').trim()
	const shown = texts
		.filter((sms) => !wanted || sms.number === wanted)
		.slice(-PAGE_SIZE)
		.reverse()
	const rows = shown
		.map(
			(sms) =>
				`<tr><td>${sms.at.toISOString().slice(0, 19).replace('T', ' ')}</td><td>+${escape(sms.number)}</td><td>${escape(sms.login)}</td><td class="text">${escape(sms.message)}</td><td>${sms.parts}</td></tr>`,
		)
		.join('')
	return `<!doctype html><html lang="cs"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SMS simulátor (SMSbrána)</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem;color:#111}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}td.text{white-space:pre-wrap;word-break:break-word}label{display:block;margin-bottom:.25rem}input{font-size:1rem;padding:.3rem}button{font-size:1rem;padding:.3rem .8rem}</style></head>
<body><main><h1>SMS simulátor</h1>
<p>Zprávy, které portál poslal přes rozhraní SMS Connect (SMSbrána). Nic se nedoručuje. Celkem přijato: ${texts.length}.</p>
<form method="get"><label for="cislo">Telefonní číslo (např. 420777123456)</label><input id="cislo" name="cislo" value="${escape(wanted)}"> <button type="submit">Filtrovat</button></form>
<table><caption>Posledních ${PAGE_SIZE} zpráv${wanted ? ` pro +${escape(wanted)}` : ''}</caption><thead><tr><th scope="col">Čas (UTC)</th><th scope="col">Číslo</th><th scope="col">Účet</th><th scope="col">Text</th><th scope="col">Částí</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">Zatím žádné zprávy.</td></tr>'}</tbody></table></main></body></html>`
}
