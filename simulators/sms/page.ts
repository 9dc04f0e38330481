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
				`<li><p class="meta">+${escape(sms.number)} · ${sms.at.toISOString().slice(0, 19).replace('T', ' ')} UTC · ${escape(sms.login)} · částí: ${sms.parts}</p><p class="text">${escape(sms.message)}</p></li>`,
		)
		.join('')
	return `<!doctype html><html lang="cs"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SMS simulátor (SMSbrána)</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem;color:#111}ol{list-style:none;padding:0}li{border-bottom:1px solid #999;padding:.5rem 0}.meta{margin:0;color:#333;font-size:.9rem}.text{margin:.25rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere}input{max-width:100%}label{display:block;margin-bottom:.25rem}input{font-size:1rem;padding:.3rem}button{font-size:1rem;padding:.3rem .8rem}</style></head>
<body><main><h1>SMS simulátor</h1>
<p>Zprávy, které portál poslal přes rozhraní SMS Connect (SMSbrána). Nic se nedoručuje. Celkem přijato: ${texts.length}.</p>
<form method="get"><label for="cislo">Telefonní číslo (např. 420777123456)</label><input id="cislo" name="cislo" value="${escape(wanted)}"> <button type="submit">Filtrovat</button></form>
<h2>Posledních ${PAGE_SIZE} zpráv${wanted ? ` pro +${escape(wanted)}` : ''}</h2>
${rows ? `<ol>${rows}</ol>` : '<p>Zatím žádné zprávy.</p>'}</main></body></html>`
}
