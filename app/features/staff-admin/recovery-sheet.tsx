import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

export type RecoverySheetData = {
	sheetText: string
	sheetNumber: string
	officeName: string | null
	createdOn: string
}

/** The office recovery key as a sheet to print: the page's print stylesheet prints only this. */
export function RecoverySheet({ sheet }: { sheet: RecoverySheetData }) {
	const { t } = useTranslation('setup')
	return (
		<section className="recovery-sheet" aria-labelledby="sheet-title">
			<h2 id="sheet-title">{t('recovery.sheetTitle')}</h2>
			<dl>
				{sheet.officeName ? (
					<>
						<dt>{t('recovery.sheetOffice')}</dt>
						<dd>{sheet.officeName}</dd>
					</>
				) : null}
				<dt>{t('recovery.sheetNumber')}</dt>
				<dd dir="ltr" translate="no" data-testid="sheet-number">
					{sheet.sheetNumber}
				</dd>
				<dt>{t('recovery.sheetCreated')}</dt>
				<dd dir="ltr">{sheet.createdOn}</dd>
				<dt>{t('recovery.sheetKey')}</dt>
				<dd className="recovery-key" dir="ltr" lang="en" translate="no" data-testid="recovery-key">
					{sheet.sheetText}
				</dd>
			</dl>
			<p>{t('recovery.sheetKeep')}</p>
			<p>{t('recovery.sheetUse')}</p>
		</section>
	)
}

/** Printing needs no script (the browser's menu does it); with one, a button does it too. */
export function PrintButton() {
	const { t } = useTranslation('setup')
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	if (!hydrated) return null
	return (
		<button type="button" className="button-secondary" onClick={() => window.print()}>
			{t('recovery.printButton')}
		</button>
	)
}
