// Form controls with their label, hint and error wired for screen readers:
// the hint and the error are announced with the field (aria-describedby),
// a field with an error is marked invalid, and groups of choices are
// fieldsets with a legend. Errors are translation keys of the page's namespace.
//
// A control is bound either to a Conform field (the back office: its id,
// name, error and value come from the form's state, which the browser's
// validation and the server's reply both fill) or by name, with its error
// and value passed in (the public request form).
import type { ReactNode } from 'react'
import { useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** What a control reads from a Conform field (`FieldMetadata` fits it). */
export type BoundField = {
	id: string
	name: string
	errorId: string
	descriptionId: string
	errors?: string[]
	allErrors: Record<string, string[]>
	initialValue?: unknown
	key?: string
}

type Binding =
	| { field: BoundField; name?: never; error?: never }
	| { field?: never; name: string; error?: string }

type Common = Binding & {
	label: ReactNode
	hint?: ReactNode
	required?: boolean
	namespace: string
	errorValues?: Record<string, string>
}

/** The ids, name, error and value a control is wired with, whichever way it is bound. */
type Wiring = {
	id: string
	name: string
	hintId: string
	errorId: string
	error?: string
	value?: unknown
	key?: string
}

function wiringOf(props: Common, value: unknown): Wiring {
	const { field } = props
	if (field) {
		return {
			id: field.id,
			name: field.name,
			hintId: field.descriptionId,
			errorId: field.errorId,
			// A list's errors are its items' (`areas[0]`) when a forged value was posted.
			error: field.errors?.[0] ?? Object.values(field.allErrors).flat()[0],
			value: field.initialValue,
			key: field.key,
		}
	}
	return {
		id: props.name,
		name: props.name,
		hintId: `${props.name}-hint`,
		errorId: `${props.name}-error`,
		error: props.error,
		value,
	}
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined)

function describedBy(wiring: Wiring, hint?: ReactNode) {
	return (
		[hint ? wiring.hintId : null, wiring.error ? wiring.errorId : null].filter(Boolean).join(' ') ||
		undefined
	)
}

function FieldHelp({
	wiring,
	hint,
	namespace,
	errorValues,
}: {
	wiring: Wiring
	hint?: ReactNode
	namespace: string
	errorValues?: Record<string, string>
}) {
	const { t } = useTranslation(namespace)
	return (
		<>
			{hint ? (
				<p className="field-hint" id={wiring.hintId}>
					{hint}
				</p>
			) : null}
			{wiring.error ? (
				<p className="field-error" id={wiring.errorId}>
					{t(wiring.error, errorValues)}
				</p>
			) : null}
		</>
	)
}

/** A field's wrapper, label, hint and error around its control. */
function LabelledField({
	wiring,
	children,
	...props
}: Common & { wiring: Wiring; children: ReactNode }) {
	return (
		<div className={`field${wiring.error ? ' field--invalid' : ''}`}>
			<label htmlFor={wiring.id}>
				{props.label}
				<RequiredMark required={props.required} namespace={props.namespace} />
			</label>
			<FieldHelp wiring={wiring} {...props} />
			{children}
		</div>
	)
}

/** What every control needs to be announced with its hint and error. */
function controlProps(wiring: Wiring, hint?: ReactNode) {
	return {
		id: wiring.id,
		name: wiring.name,
		'aria-invalid': wiring.error ? true : undefined,
		'aria-describedby': describedBy(wiring, hint),
	}
}

function RequiredMark({ required, namespace }: { required?: boolean; namespace: string }) {
	const { t } = useTranslation(namespace)
	return required ? <span className="required-mark"> ({t('required')})</span> : null
}

export function TextField(
	props: Common & {
		defaultValue?: string
		type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'number'
		autoComplete?: string
		maxLength?: number
		/** For a number: the steps it takes ("0.25" for quarter hours); whole numbers otherwise. */
		step?: string
	},
) {
	const wiring = wiringOf(props, props.defaultValue)
	return (
		<LabelledField {...props} wiring={wiring}>
			<input
				{...controlProps(wiring, props.hint)}
				key={wiring.key}
				type={props.type ?? 'text'}
				defaultValue={textOf(wiring.value)}
				autoComplete={props.autoComplete ?? 'off'}
				maxLength={props.maxLength}
				step={props.step}
				required={props.required}
				dir="auto"
			/>
		</LabelledField>
	)
}

export function TextArea(
	props: Common & { defaultValue?: string; rows?: number; maxLength?: number },
) {
	const wiring = wiringOf(props, props.defaultValue)
	return (
		<LabelledField {...props} wiring={wiring}>
			<textarea
				{...controlProps(wiring, props.hint)}
				key={wiring.key}
				rows={props.rows ?? 8}
				defaultValue={textOf(wiring.value)}
				maxLength={props.maxLength}
				required={props.required}
				dir="auto"
			/>
		</LabelledField>
	)
}

/** One checkbox that says yes to something (a confirmation), with its error. */
export function Checkbox(props: Common & { value: string }) {
	const wiring = wiringOf(props, undefined)
	return (
		<div className={`field${wiring.error ? ' field--invalid' : ''}`}>
			<FieldHelp wiring={wiring} {...props} />
			<div className="choice">
				<input
					{...controlProps(wiring, props.hint)}
					key={wiring.key}
					type="checkbox"
					value={props.value}
					defaultChecked={wiring.value === props.value}
					required={props.required}
				/>
				<label htmlFor={wiring.id}>
					{props.label}
					<RequiredMark required={props.required} namespace={props.namespace} />
				</label>
			</div>
		</div>
	)
}

type Choice = { value: string; label: ReactNode }

/** Radio buttons (one answer) or checkboxes (several) in a fieldset. */
export function ChoiceGroup(
	props: Common & {
		choices: Choice[]
		multiple?: boolean
		selected?: string | string[]
		children?: ReactNode
	},
) {
	const { label, hint, required, namespace, choices, multiple } = props
	const wiring = wiringOf(props, props.selected)
	const selected = new Set(
		Array.isArray(wiring.value) ? wiring.value : wiring.value ? [wiring.value] : [],
	)
	return (
		<fieldset
			className={`field choice-group${wiring.error ? ' field--invalid' : ''}`}
			id={wiring.id}
			aria-describedby={describedBy(wiring, hint)}
			tabIndex={-1}
		>
			<legend>
				{label}
				<RequiredMark required={required} namespace={namespace} />
			</legend>
			<FieldHelp wiring={wiring} {...props} />
			{choices.map((choice) => {
				const id = `${wiring.id}-${choice.value}`
				return (
					<div className="choice" key={`${wiring.key ?? ''}${choice.value}`}>
						<input
							type={multiple ? 'checkbox' : 'radio'}
							id={id}
							name={wiring.name}
							value={choice.value}
							defaultChecked={selected.has(choice.value)}
							aria-invalid={wiring.error ? true : undefined}
						/>
						<label htmlFor={id}>{choice.label}</label>
					</div>
				)
			})}
			{props.children}
		</fieldset>
	)
}

export function SelectField(
	props: Common & { options: Choice[]; defaultValue?: string; emptyLabel: string },
) {
	const wiring = wiringOf(props, props.defaultValue)
	return (
		<LabelledField {...props} wiring={wiring}>
			<select
				{...controlProps(wiring, props.hint)}
				key={wiring.key}
				defaultValue={textOf(wiring.value) ?? ''}
			>
				<option value="">{props.emptyLabel}</option>
				{props.options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
		</LabelledField>
	)
}

/**
 * A form's own errors, not one field's (a wrong password, a missing key),
 * announced when they appear; `id` is what the form's aria-describedby
 * names (Conform's `form.errorId`).
 */
export function FormAlert({
	id,
	errors,
	namespace,
}: {
	id: string
	errors?: string[] | null
	namespace: string
}) {
	const { t } = useTranslation(namespace)
	if (!errors?.length) return null
	return (
		<p className="form-error" role="alert" id={id}>
			{errors.map((error) => t(error)).join(' ')}
		</p>
	)
}

/**
 * A submit button that names the form's intent (app/platform/forms/intent-dispatch.server.ts).
 * With JavaScript, while its form is on the way it says so and cannot be
 * pressed twice; without, the browser shows its own progress.
 */
export function IntentButton({
	intent,
	children,
	primary = false,
}: {
	intent: string
	children: ReactNode
	primary?: boolean
}) {
	const { t } = useTranslation('common')
	const navigation = useNavigation()
	const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
	return (
		<button
			type="submit"
			name="intent"
			value={intent}
			className={primary ? 'button-primary' : 'button-secondary'}
			aria-disabled={pending || undefined}
			onClick={pending ? (event) => event.preventDefault() : undefined}
		>
			{pending ? t('pending') : children}
		</button>
	)
}

/** The list of problems at the top of a form, each a link to its field. */
export function ErrorSummary({
	title,
	text,
	errors,
	errorValues,
	labels,
	namespace,
}: {
	title: string
	text: string
	errors: Record<string, string>
	errorValues: Record<string, Record<string, string>>
	labels: Record<string, string>
	namespace: string
}) {
	const { t } = useTranslation(namespace)
	const entries = Object.entries(errors)
	if (!entries.length) return null
	return (
		// autofocus: without JavaScript too, the browser puts focus here when
		// the page comes back with errors.
		<div className="error-summary" role="alert" tabIndex={-1} id="error-summary" autoFocus>
			<h2>{title}</h2>
			<p>{text}</p>
			<ul>
				{entries.map(([field, message]) => (
					<li key={field}>
						<a href={`#${field}`}>
							{labels[field] ? `${labels[field]}: ` : ''}
							{t(message, errorValues[field])}
						</a>
					</li>
				))}
			</ul>
		</div>
	)
}
