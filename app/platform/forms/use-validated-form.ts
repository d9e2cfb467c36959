import {
	useForm,
	type DefaultValue,
	type FieldMetadata,
	type SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v3'
import type { z } from 'zod'
import type { BoundField } from '../ui/form-fields'

/** The action's reply to a form, for `lastResult` (none before the first submission). */
export type LastResult = SubmissionResult<string[]> | null | undefined

/**
 * A back-office form validated in the browser with the schema its action
 * parses with: a field is checked when it loses focus and again at every
 * keystroke once it showed an error. `lastResult` is the action's reply;
 * without JavaScript the server's reply is all there is, and the page shows
 * the same messages and values from it.
 */
export function useValidatedForm<
	Schema extends z.ZodType<unknown, z.ZodTypeDef, Record<string, unknown>>,
>(
	schema: Schema,
	options: {
		id: string
		lastResult?: LastResult
		defaultValue?: DefaultValue<z.input<Schema>>
	},
) {
	const [form, fields] = useForm<z.input<Schema>, z.output<Schema>>({
		...options,
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return [form, readWhenRendered(fields)] as const
}

/**
 * The fields, each read the moment the form's component names it. Conform
 * re-renders that component for the state its render read, and records the
 * reads as they happen. A field component reading its field later may not
 * count: when React re-renders the form's component without its children
 * (it does after hydration, finding nothing changed), only the component's
 * own reads are recorded, and a field's new errors would never show.
 */
function readWhenRendered<Fields extends object>(fields: Fields) {
	return new Proxy(fields, {
		get(target, key, receiver): unknown {
			const field: unknown = Reflect.get(target, key, receiver)
			return typeof key === 'string' ? snapshot(field as FieldMetadata) : field
		},
	}) as unknown as { [Name in keyof Fields]: BoundField }
}

function snapshot(field: FieldMetadata): BoundField {
	return {
		id: field.id,
		name: field.name,
		errorId: field.errorId,
		descriptionId: field.descriptionId,
		errors: field.errors,
		allErrors: field.allErrors,
		initialValue: field.initialValue,
		key: field.key,
	}
}
