import commonCs from '../../locales/cs/common.json'
import commonEn from '../../locales/en/common.json'
import commonUk from '../../locales/uk/common.json'
import platformMailCs from '../../locales/cs/platform-mail.json'
import platformMailEn from '../../locales/en/platform-mail.json'
import platformMailUk from '../../locales/uk/platform-mail.json'
import platformHealthCs from '../../locales/cs/platform-health.json'
import platformHealthEn from '../../locales/en/platform-health.json'
import platformHealthUk from '../../locales/uk/platform-health.json'
import citizenCs from '../../locales/cs/citizen.json'
import citizenEn from '../../locales/en/citizen.json'
import citizenUk from '../../locales/uk/citizen.json'
import officeCs from '../../locales/cs/office.json'
import officeEn from '../../locales/en/office.json'
import officeUk from '../../locales/uk/office.json'
import formsCs from '../../locales/cs/forms.json'
import formsEn from '../../locales/en/forms.json'
import formsUk from '../../locales/uk/forms.json'
import bankCs from '../../locales/cs/bank.json'
import bankEn from '../../locales/en/bank.json'
import bankUk from '../../locales/uk/bank.json'
import formsOfficeCs from '../../locales/cs/forms-office.json'
import formsOfficeEn from '../../locales/en/forms-office.json'
import formsOfficeUk from '../../locales/uk/forms-office.json'
import feesOfficeCs from '../../locales/cs/fees-office.json'
import feesOfficeEn from '../../locales/en/fees-office.json'
import feesOfficeUk from '../../locales/uk/fees-office.json'
import remindersCs from '../../locales/cs/reminders.json'
import remindersEn from '../../locales/en/reminders.json'
import remindersUk from '../../locales/uk/reminders.json'
import cardPaymentsCs from '../../locales/cs/card-payments.json'
import cardPaymentsEn from '../../locales/en/card-payments.json'
import cardPaymentsUk from '../../locales/uk/card-payments.json'
import paymentsCs from '../../locales/cs/payments.json'
import paymentsEn from '../../locales/en/payments.json'
import paymentsUk from '../../locales/uk/payments.json'
import bankOfficeCs from '../../locales/cs/bank-office.json'
import bankOfficeEn from '../../locales/en/bank-office.json'
import bankOfficeUk from '../../locales/uk/bank-office.json'
import httpCs from '../../locales/cs/http.json'
import httpEn from '../../locales/en/http.json'
import httpUk from '../../locales/uk/http.json'
import boardCs from '../../locales/cs/board.json'
import boardEn from '../../locales/en/board.json'
import boardUk from '../../locales/uk/board.json'
import openDataCs from '../../locales/cs/open-data.json'
import openDataEn from '../../locales/en/open-data.json'
import openDataUk from '../../locales/uk/open-data.json'
import overviewCs from '../../locales/cs/overview.json'
import overviewEn from '../../locales/en/overview.json'
import overviewUk from '../../locales/uk/overview.json'
import legalCs from '../../locales/cs/legal.json'
import legalEn from '../../locales/en/legal.json'
import legalUk from '../../locales/uk/legal.json'
import tileCs from '../../locales/cs/tile.json'
import tileEn from '../../locales/en/tile.json'
import tileUk from '../../locales/uk/tile.json'
import statisticsCs from '../../locales/cs/statistics.json'
import statisticsEn from '../../locales/en/statistics.json'
import statisticsUk from '../../locales/uk/statistics.json'
import payWithoutLoginCs from '../../locales/cs/pay-without-login.json'
import payWithoutLoginEn from '../../locales/en/pay-without-login.json'
import payWithoutLoginUk from '../../locales/uk/pay-without-login.json'
import grantsCs from '../../locales/cs/grants.json'
import grantsEn from '../../locales/en/grants.json'
import grantsUk from '../../locales/uk/grants.json'
import messagesCs from '../../locales/cs/messages.json'
import messagesEn from '../../locales/en/messages.json'
import messagesUk from '../../locales/uk/messages.json'
import type { Locale } from './locales'

// One line per namespace: [cs, en, uk]. cs is the reference shape every locale must match.
const namespaces = {
	common: [commonCs, commonEn, commonUk],
	'platform-mail': [platformMailCs, platformMailEn, platformMailUk],
	'platform-health': [platformHealthCs, platformHealthEn, platformHealthUk],
	citizen: [citizenCs, citizenEn, citizenUk],
	office: [officeCs, officeEn, officeUk],
	forms: [formsCs, formsEn, formsUk],
	bank: [bankCs, bankEn, bankUk],
	'forms-office': [formsOfficeCs, formsOfficeEn, formsOfficeUk],
	'fees-office': [feesOfficeCs, feesOfficeEn, feesOfficeUk],
	reminders: [remindersCs, remindersEn, remindersUk],
	'card-payments': [cardPaymentsCs, cardPaymentsEn, cardPaymentsUk],
	payments: [paymentsCs, paymentsEn, paymentsUk],
	'bank-office': [bankOfficeCs, bankOfficeEn, bankOfficeUk],
	http: [httpCs, httpEn, httpUk],
	board: [boardCs, boardEn, boardUk],
	'open-data': [openDataCs, openDataEn, openDataUk],
	overview: [overviewCs, overviewEn, overviewUk],
	legal: [legalCs, legalEn, legalUk],
	tile: [tileCs, tileEn, tileUk],
	statistics: [statisticsCs, statisticsEn, statisticsUk],
	'pay-without-login': [payWithoutLoginCs, payWithoutLoginEn, payWithoutLoginUk],
	grants: [grantsCs, grantsEn, grantsUk],
	messages: [messagesCs, messagesEn, messagesUk],
} as const

type Namespaces = { [N in keyof typeof namespaces]: (typeof namespaces)[N][0] }

function pick(index: 0 | 1 | 2): Namespaces {
	return Object.fromEntries(Object.entries(namespaces).map(([name, byLocale]) => [name, byLocale[index]])) as Namespaces
}

export const resources: Record<Locale, Namespaces> = { cs: pick(0), en: pick(1), uk: pick(2) }
