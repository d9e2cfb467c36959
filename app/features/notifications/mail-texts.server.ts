// The words of every mail the app sends. None names a case, a reference, a
// category, a person or what anyone wrote: a notice says that something
// arrived and where to sign in, because a mailbox is read by more people
// and machines than the app (decision 0017). Staff notices are in German
// and English at once (an account keeps no language); a reporter's notice
// is in the language of the page where they asked for it.
//
// The translations are imported as JSON, not through the page's resources
// (resources.server.ts reads them with Vite's glob, which the compiled
// server that runs the mail worker does not have).
import type { ResourceLanguage } from 'i18next'
import { createI18n } from '~/platform/i18n/create-i18n'
import { DEFAULT_LANGUAGE, findLanguage } from '~/platform/i18n/languages'
import deStaff from '~/locales/de/staff.json'
import enStaff from '~/locales/en/staff.json'
import ar from '~/locales/ar/followup.json'
import deLs from '~/locales/de-x-ls/followup.json'
import de from '~/locales/de/followup.json'
import en from '~/locales/en/followup.json'
import es from '~/locales/es/followup.json'
import fr from '~/locales/fr/followup.json'
import it from '~/locales/it/followup.json'
import prs from '~/locales/prs/followup.json'
import pt from '~/locales/pt/followup.json'
import sh from '~/locales/sh/followup.json'
import sq from '~/locales/sq/followup.json'
import ti from '~/locales/ti/followup.json'
import tr from '~/locales/tr/followup.json'
import uk from '~/locales/uk/followup.json'

export type MailText = { subject: string; text: string }

const STAFF: Record<'de' | 'en', ResourceLanguage> = {
	de: { staff: deStaff },
	en: { staff: enStaff },
}

const FOLLOW_UP: Record<string, ResourceLanguage> = Object.fromEntries(
	Object.entries({ ar, 'de-x-ls': deLs, de, en, es, fr, it, prs, pt, sh, sq, ti, tr, uk }).map(
		([language, followup]) => [language, { followup }],
	),
)

/** One text in both staff languages, German first. */
function inBothStaffLanguages(key: string, values: Record<string, unknown>): MailText {
	const [german, english] = (['de', 'en'] as const).map((language) => {
		const { t } = createI18n(language, STAFF[language])
		return {
			subject: t(`staff:notifications.mail.${key}Subject`, values),
			text: t(`staff:notifications.mail.${key}`, values),
		}
	})
	return {
		subject: `${german!.subject} / ${english!.subject}`,
		text: `${german!.text}\n\n— English —\n\n${english!.text}\n`,
	}
}

/** "Something new arrived for you": one event, or the day's digest (`count`). */
export function staffNoticeText(link: string, count?: number): MailText {
	return count === undefined
		? inBothStaffLanguages('notice', { link })
		: inBothStaffLanguages('digest', { link, count })
}

/** The admin's test of the settings. */
export function testMailText(link: string): MailText {
	return inBothStaffLanguages('test', { link })
}

/** "There is a new answer for you; sign in with your code". */
export function reporterNoticeText(link: string, language: string): MailText {
	const known = findLanguage(language, 'public')?.code ?? DEFAULT_LANGUAGE
	const { t } = createI18n(known, FOLLOW_UP[known]!)
	return {
		subject: t('followup:mail.subject'),
		text: `${t('followup:mail.body', { link })}\n`,
	}
}
