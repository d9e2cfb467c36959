// Form controls with their label, hint and error wired for screen readers:
// the hint and the error are announced with the field (aria-describedby),
// a field with an error is marked invalid, and groups of choices are
// fieldsets with a legend. Errors are translation keys of the page's namespace.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type Common = {
	name: string
	label: ReactNode
	hint?: ReactNode
	error?: string
	required?: boolean
	namespace: string
	errorValues?: Record<string, string>
}

function describedBy(name: string, hint?: ReactNode, error?: string) {
	return (
		[hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') ||
		undefined
	)
}

function FieldHelp({ name, hint, error, namespace, errorValues }: Omit<Common, 'label'>) {
	const { t } = useTranslation(namespace)
	return (
		<>
			{hint ? (
				<p className="field-hint" id={`${name}-hint`}>
					{hint}
				</p>
			) : null}
			{error ? (
				<p className="field-error" id={`${name}-error`}>
					{t(error, errorValues)}
				</p>
			) : null}
		</>
	)
}

/** A field's wrapper, label, hint and error around its control. */
function LabelledField({ children, ...props }: Common & { children: ReactNode }) {
	return (
		<div className={`field${props.error ? ' field--invalid' : ''}`}>
			<label htmlFor={props.name}>
				{props.label}
				<RequiredMark required={props.required} namespace={props.namespace} />
			</label>
			<FieldHelp {...props} />
			{children}
		</div>
	)
}

/** What every control needs to be announced with its hint and error. */
function controlProps({ name, hint, error }: Common) {
	return {
		id: name,
		name,
		'aria-invalid': error ? true : undefined,
		'aria-describedby': describedBy(name, hint, error),
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
	},
) {
	return (
		<LabelledField {...props}>
			<input
				{...controlProps(props)}
				type={props.type ?? 'text'}
				defaultValue={props.defaultValue}
				autoComplete={props.autoComplete ?? 'off'}
				maxLength={props.maxLength}
				required={props.required}
				dir="auto"
			/>
		</LabelledField>
	)
}

export function TextArea(
	props: Common & { defaultValue?: string; rows?: number; maxLength?: number },
) {
	return (
		<LabelledField {...props}>
			<textarea
				{...controlProps(props)}
				rows={props.rows ?? 8}
				defaultValue={props.defaultValue}
				maxLength={props.maxLength}
				required={props.required}
				dir="auto"
			/>
		</LabelledField>
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
	const { name, label, hint, error, required, namespace, choices, multiple } = props
	const selected = new Set(
		Array.isArray(props.selected) ? props.selected : props.selected ? [props.selected] : [],
	)
	return (
		<fieldset
			className={`field choice-group${error ? ' field--invalid' : ''}`}
			id={name}
			aria-describedby={describedBy(name, hint, error)}
			tabIndex={-1}
		>
			<legend>
				{label}
				<RequiredMark required={required} namespace={namespace} />
			</legend>
			<FieldHelp {...props} />
			{choices.map((choice) => {
				const id = `${name}-${choice.value}`
				return (
					<div className="choice" key={choice.value}>
						<input
							type={multiple ? 'checkbox' : 'radio'}
							id={id}
							name={name}
							value={choice.value}
							defaultChecked={selected.has(choice.value)}
							aria-invalid={error ? true : undefined}
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
	return (
		<LabelledField {...props}>
			<select {...controlProps(props)} defaultValue={props.defaultValue ?? ''}>
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
		<div className="error-summary" role="alert" tabIndex={-1} id="error-summary">
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
