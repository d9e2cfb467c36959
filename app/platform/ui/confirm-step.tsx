// The second step of a destructive action (deactivating an account,
// resetting a second factor): the first post only asks, and this panel says
// what will happen and sends the same form again with `confirmed=yes`.
// Without JavaScript it is a page of its own; with it, focus moves to the
// question so that a keyboard or screen-reader user lands where the choice is.
import { Form, Link } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export function ConfirmStep({
	title,
	children,
	intent,
	fields,
	confirmLabel,
	cancelTo,
	cancelLabel,
}: {
	title: string
	children: ReactNode
	intent: string
	/** The hidden fields of the first post, sent again. */
	fields: Record<string, string>
	confirmLabel: string
	cancelTo: string
	/** The public pages' own word for it: they have no staff texts. */
	cancelLabel?: string
}) {
	const { t } = useTranslation('staff')
	const heading = useRef<HTMLHeadingElement>(null)
	useEffect(() => heading.current?.focus(), [])
	return (
		<section className="confirm-step" aria-labelledby="confirm-step-title">
			<h2 id="confirm-step-title" ref={heading} tabIndex={-1}>
				{title}
			</h2>
			{children}
			<Form method="post" className="row-form">
				{Object.entries(fields).map(([name, value]) => (
					<input key={name} type="hidden" name={name} value={value} />
				))}
				<input type="hidden" name="confirmed" value="yes" />
				<button type="submit" name="intent" value={intent} className="button-danger">
					{confirmLabel}
				</button>
				<Link to={cancelTo} className="button-secondary">
					{cancelLabel ?? t('confirm.cancel')}
				</Link>
			</Form>
		</section>
	)
}
